package dev.hprune.compat.dictfile;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.io.FileBytes;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * read_dict, write_dict and copy_dict on plain values (see
 * https://docs.mvtec.com/hdevelopevo/24.11-preview/content/reference/operators/write_dict.html and its read_dict and
 * copy_dict neighbours). Two formats: hprune's binary {@link HdictFormat} ('hdict', the default) and {@link JsonFormat}
 * ('json'). Errors: 5200 missing file, 5238 a file that is neither, 5250/5212 when the file system fails, 2455 content
 * that cannot be stored, 2456 a dict that contains itself. Parameter positions count the control parameters from 1.
 */
public final class DictFiles {
    static final String HDICT = "hdict";
    static final String JSON = "json";

    private DictFiles() {}

    /**
     * read_dict( : : FileName, GenParamName, GenParamValue : DictHandle). The format comes from the content; the ending
     * '.hdict' or '.json' must agree with it (else 5238). A missing file is retried with '.hdict' and '.json' appended.
     */
    public static Handle readDict(List<Object> fileName, List<Object> genParamName, List<Object> genParamValue) {
        String name = ControlArgs.string(fileName, 1);
        JsonFormat.Literals literals = readParams(genParamName, genParamValue);
        Path file = existing(path(name, ErrorCodes.FILE_NOT_FOUND));
        byte[] bytes = FileBytes.read(file, name);
        String ending = ending(file);
        Dict dict;
        if (HdictFormat.hasMagic(bytes)) {
            if (ending.equals(JSON)) {
                throw wrongFormat(file + " ends in '.json' but holds a binary dict");
            }
            dict = HdictFormat.decode(bytes);
        } else {
            if (ending.equals(HDICT)) {
                throw wrongFormat(file + " is no hprune dict file (HALCON's own .hdict files cannot be read)");
            }
            dict = JsonFormat.decode(bytes, literals);
        }
        return HandleRegistry.global().register(HandleType.DICT, dict);
    }

    /**
     * write_dict( : : DictHandle, FileName, GenParamName, GenParamValue : ): 'file_type' 'hdict' or 'json' (default:
     * 'json' for a name ending in '.json', else 'hdict') and 'raise_error_if_content_not_serializable'. Written
     * atomically: a failed or killed write leaves the old file as it was.
     */
    public static void writeDict(List<Object> dictHandle, List<Object> fileName, List<Object> genParamName,
            List<Object> genParamValue) {
        Dict dict = dict(dictHandle);
        String name = ControlArgs.string(fileName, 2);
        Path target = path(name, ErrorCodes.FILE_WRITE);
        String type = ending(target).equals(JSON) ? JSON : HDICT;
        Unserializable policy = Unserializable.RAISE;
        List<String> names = paramNames(genParamName, genParamValue, 3);
        for (int i = 0; i < names.size(); i++) {
            List<Object> value = List.of(genParamValue.get(i));
            switch (names.get(i)) {
                case "file_type" -> {
                    type = ControlArgs.string(value, 4);
                    if (!type.equals(HDICT) && !type.equals(JSON)) {
                        throw ControlArgs.wrongValue(4, "file_type must be 'hdict' or 'json', got '" + type + "'");
                    }
                }
                case Unserializable.PARAM -> policy = Unserializable.of(value, 4);
                default -> throw ControlArgs.wrongValue(3, "write_dict has no parameter '" + names.get(i)
                        + "' (use 'file_type' or '" + Unserializable.PARAM + "')");
            }
        }
        byte[] bytes = type.equals(JSON) ? JsonFormat.encode(dict, policy) : HdictFormat.encode(dict, policy);
        try {
            AtomicFiles.write(target, bytes);
        } catch (IOException | RuntimeException e) {
            throw new HalconError(ErrorCodes.FILE_WRITE, "", "cannot write " + name + ": " + e, e);
        }
    }

    /**
     * copy_dict( : : DictHandle, GenParamName, GenParamValue : CopiedDictHandle): a deep copy; nested dicts and models
     * become new handles, images are shared (they are immutable). A handle that cannot be copied (another type, or one
     * already cleared) is 2455, or with 'raise_error_if_content_not_serializable' 'false' an empty handle in the copy.
     */
    public static Handle copyDict(List<Object> dictHandle, List<Object> genParamName, List<Object> genParamValue) {
        Dict dict = dict(dictHandle);
        Unserializable policy = Unserializable.RAISE;
        List<String> names = paramNames(genParamName, genParamValue, 2);
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(Unserializable.PARAM)) {
                throw ControlArgs.wrongValue(2, "copy_dict has no parameter '" + names.get(i)
                        + "' (use '" + Unserializable.PARAM + "')");
            }
            policy = Unserializable.of(List.of(genParamValue.get(i)), 3);
        }
        Dict copy = new DeepCopy(policy).dict(dict);
        return HandleRegistry.global().register(HandleType.DICT, copy);
    }

    /**
     * The bytes write_dict writes for {@code dict} in the 'hdict' format (2455/2456 for content that cannot be stored),
     * for hprune's own files that read_dict can open too.
     */
    public static byte[] hdictBytes(Dict dict) {
        return HdictFormat.encode(dict, Unserializable.RAISE);
    }

    /**
     * The dict that bytes in the 'hdict' format hold; 5238 for anything else. Nested dicts and models become new
     * handles, as with read_dict.
     */
    public static Dict fromHdictBytes(byte[] bytes) {
        return HdictFormat.decode(bytes);
    }

    static HalconError wrongFormat(String detail) {
        return HalconError.of(ErrorCodes.WRONG_FILE_FORMAT, detail);
    }

    private record DeepCopy(Unserializable policy, DictPath path) {
        DeepCopy(Unserializable policy) {
            this(policy, new DictPath());
        }

        Dict dict(Dict source) {
            path.enter(source);
            Dict copy = new Dict();
            for (Object key : source.keys()) {
                source.get(key).ifPresent(value -> copy.put(key, value(value)));
            }
            path.leave(source);
            return copy;
        }

        private DictValue value(DictValue value) {
            if (value instanceof DictValue.Tuple tuple) {
                List<Object> elements = new ArrayList<>(tuple.values().size());
                for (Object element : tuple.values()) {
                    elements.add(element instanceof Handle h ? handle(h) : element);
                }
                return new DictValue.Tuple(elements);
            }
            return value;
        }

        private Handle handle(Handle handle) {
            Object payload = handle.payload();
            if (handle.isNull()) {
                return handle;
            }
            if (payload instanceof Dict nested && handle.type() == HandleType.DICT) {
                return HandleRegistry.global().register(HandleType.DICT, dict(nested));
            }
            if (payload instanceof DlModel model && handle.type() == HandleType.DL_MODEL) {
                return DlModelOperators.register(model.derive(model.graph()));
            }
            policy.refuse("the handle " + handle);
            return Handle.NULL;
        }
    }

    /** A file name the platform accepts as a path (a NUL character, say, it does not): else {@code code}. */
    private static Path path(String name, int code) {
        try {
            return Path.of(name);
        } catch (RuntimeException e) {
            throw new HalconError(code, "", "no valid file name: '" + name + "'", e);
        }
    }

    /** The file to read: the name as given, else with a default ending appended, as HALCON's read_dict retries. */
    private static Path existing(Path given) {
        if (Files.exists(given) || given.getFileName() == null) {
            return given;
        }
        for (String ending : List.of("." + HDICT, "." + JSON)) {
            Path withEnding = given.resolveSibling(given.getFileName() + ending);
            if (Files.exists(withEnding)) {
                return withEnding;
            }
        }
        return given;
    }

    private static JsonFormat.Literals readParams(List<Object> genParamName, List<Object> genParamValue) {
        JsonFormat.Literals literals = JsonFormat.Literals.DEFAULT;
        List<String> names = paramNames(genParamName, genParamValue, 2);
        for (int i = 0; i < names.size(); i++) {
            List<Object> value = List.of(genParamValue.get(i));
            switch (names.get(i)) {
                case "json_value_true" -> literals = new JsonFormat.Literals(value, literals.whenFalse(), literals.whenNull());
                case "json_value_false" -> literals = new JsonFormat.Literals(literals.whenTrue(), value, literals.whenNull());
                case "json_value_null" -> literals = new JsonFormat.Literals(literals.whenTrue(), literals.whenFalse(), value);
                case "convert_json_arrays_to" -> {
                    String v = ControlArgs.string(value, 3);
                    if (!v.equals("dict")) {
                        throw ControlArgs.wrongValue(3, "convert_json_arrays_to: hprune supports 'dict', got '" + v + "'");
                    }
                }
                default -> throw ControlArgs.wrongValue(2, "read_dict has no parameter '" + names.get(i) + "'");
            }
        }
        return literals;
    }

    /** Names and values pair up one to one (else 1400+position of the values); every name is a string. */
    private static List<String> paramNames(List<Object> names, List<Object> values, int namePosition) {
        List<String> strings = names != null && names.isEmpty() ? List.of() : ControlArgs.strings(names, namePosition);
        if (values == null || values.size() != strings.size()) {
            throw HalconError.of(ErrorCodes.wrongCount(namePosition + 1), (values == null ? 0 : values.size())
                    + " values for " + strings.size() + " parameter names");
        }
        return strings;
    }

    private static String ending(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Dict dict(List<Object> dict) {
        return ControlArgs.handle(dict, 1, HandleType.DICT, Dict.class);
    }
}
