package dev.hprune.compat.dl;

import dev.hprune.compat.backend.Backend;
import dev.hprune.compat.backend.Backends;
import dev.hprune.compat.backend.Device;
import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HALCON's device operators on plain values: query_available_dl_devices and get_dl_device_param
 * (https://docs.mvtec.com/hdevelopevo/24.11-preview/content/reference/operators/query_available_dl_devices.html). A
 * device handle carries a {@link Device}; a device has one handle for the process (until someone clears it), so that
 * get_dl_model_param 'device' gives back the handle a program set.
 */
public final class DlDeviceOperators {
    private DlDeviceOperators() {}

    /** One gettable device parameter; {@code filterable} ones may also be named in a query. */
    private record Param(String name, boolean filterable, Function<Device, List<Object>> value) {}

    private static final List<Param> PARAMS = List.of(
            new Param("type", true, d -> List.of(d.type())),
            new Param("runtime", true, d -> List.of(d.type())),
            new Param("id", true, d -> List.of((long) d.id())),
            new Param("name", true, d -> List.of(d.name())),
            new Param("ai_accelerator_interface", true, d -> List.of(d.acceleratorInterface())),
            // the 26.11 AI² pages query ['ai2', 'execution_provider'], ['onnxruntime', 'CPU']
            new Param("ai2", true, d -> List.of(d.acceleratorInterface())),
            new Param("execution_provider", true, d -> List.of(d.executionProvider())),
            new Param("inference_only", true, d -> List.of(d.inferenceOnly() ? "true" : "false")),
            new Param("precisions", false, d -> List.of("float32")),
            new Param("info", false, d -> List.of(info(d))),
            new Param("settable_device_params", false, d -> List.of(HandleRegistry.global().register(HandleType.DICT,
                    new Dict()))));

    private static final Map<Device, Handle> HANDLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<String, Param> BY_NAME = PARAMS.stream()
            .collect(Collectors.toMap(Param::name, p -> p, (a, b) -> a, LinkedHashMap::new));

    /**
     * query_available_dl_devices( : : GenParamName, GenParamValue : DLDeviceHandles). Each named parameter must equal
     * one of the values given for it (a name repeated means either value); [] and [] list every device. Devices come in
     * the order of the values they match, so ['runtime', 'runtime'], ['gpu', 'cpu'] puts GPUs before CPUs and a
     * program's {@code DLDeviceHandles[0]} is the GPU where there is one.
     *
     * @throws HalconError 1201/1202 for a name that is not a string, 1402 when the two tuples differ in length, 7911 for
     *     a name that is not a device parameter or cannot filter
     */
    public static List<Handle> queryAvailableDlDevices(List<Object> genParamName, List<Object> genParamValue) {
        return queryAvailableDlDevices(genParamName, genParamValue, Backends::all);
    }

    static List<Handle> queryAvailableDlDevices(List<Object> genParamName, List<Object> genParamValue,
            java.util.function.Supplier<List<Backend>> backends) {
        List<Object> names = genParamName == null ? List.of() : genParamName;
        List<Object> values = genParamValue == null ? List.of() : genParamValue;
        if (names.size() != values.size()) {
            throw HalconError.of(ErrorCodes.wrongCount(2), names.size() + " names but " + values.size() + " values");
        }
        List<String> filterNames = new ArrayList<>(names.size());
        for (Object name : names) {
            if (!(name instanceof String s)) {
                throw ControlArgs.wrongType(1, "strings", name);
            }
            Param param = BY_NAME.get(s);
            if (param == null || !param.filterable()) {
                throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENPARAM, "'" + s + "' cannot select devices; known: "
                        + PARAMS.stream().filter(Param::filterable).map(Param::name).collect(Collectors.joining(", ")));
            }
            filterNames.add(s);
        }
        List<String> distinct = filterNames.stream().distinct().toList();
        List<Device> matching = new ArrayList<>();
        Map<Device, int[]> rank = new LinkedHashMap<>();
        for (Device device : available(backends.get())) {
            int[] matchedAt = new int[distinct.size()];
            boolean all = true;
            for (int k = 0; k < distinct.size() && all; k++) {
                matchedAt[k] = firstMatch(device, distinct.get(k), filterNames, values);
                all = matchedAt[k] >= 0;
            }
            if (all) {
                matching.add(device);
                rank.put(device, matchedAt);
            }
        }
        matching.sort(Comparator.comparing(rank::get, java.util.Arrays::compare));
        List<Handle> handles = new ArrayList<>(matching.size());
        for (Device device : matching) {
            handles.add(handle(device));
        }
        return handles;
    }

    /**
     * get_dl_device_param( : : DLDeviceHandle, GenParamName : GenParamValue).
     *
     * @throws HalconError 2453/2450/2454/2404 for the handle, 1202/1402 for the name, 7911 for an unknown name
     */
    public static List<Object> getDlDeviceParam(List<Object> device, List<Object> genParamName) {
        Device d = device(device, 1);
        String name = ControlArgs.string(genParamName, 2);
        Param param = BY_NAME.get(name);
        if (param == null) {
            throw HalconError.of(ErrorCodes.DL_UNSUPPORTED_GENPARAM,
                    "unknown device parameter '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        }
        return param.value().apply(d);
    }

    /** Every device of every backend on the class path, training backends first. */
    public static List<Device> available() {
        return available(Backends.all());
    }

    static List<Device> available(List<Backend> backends) {
        List<Device> devices = new ArrayList<>();
        for (Backend backend : backends) {
            devices.addAll(backend.devices());
        }
        return devices;
    }

    /** The handle of {@code device}, a new one where none exists or the last was cleared. */
    public static Handle handle(Device device) {
        return HANDLES.compute(device, (d, known) -> known != null && !known.isCleared() ? known
                : HandleRegistry.global().register(HandleType.DL_DEVICE, d));
    }

    /** The device behind a handle argument at {@code position}. */
    public static Device device(List<Object> device, int position) {
        return ControlArgs.handle(device, position, HandleType.DL_DEVICE, Device.class);
    }

    /** The index of the first value given for {@code name} that the device's parameter equals, or -1. */
    private static int firstMatch(Device device, String name, List<String> names, List<Object> values) {
        Object actual = BY_NAME.get(name).value().apply(device).get(0);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name) && actual.equals(values.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Handle info(Device d) {
        Dict info = new Dict();
        info.put("engine", new DictValue.Tuple(List.of(d.backend())));
        info.put("inference_only", new DictValue.Tuple(List.of(d.inferenceOnly() ? "true" : "false")));
        return HandleRegistry.global().register(HandleType.DICT, info);
    }
}
