package dev.hprune.halcon;

import dev.hprune.compat.handle.HandleType;

/**
 * A deep-learning device handle (HALCON's HDlDevice, https://www.mvtec.com/doc/halcon/2411/en/HDlDevice.html): one
 * device of one engine, as query_available_dl_devices lists it, for {@code SetDlModelParam("device", ...)}.
 */
public class HDlDevice extends HHandle {
    /** A device view of a handle, which must be a live device handle (else 2453/2450/2454/2404). */
    public HDlDevice(HHandle handle) {
        super(handle, HandleType.DL_DEVICE, "query_available_dl_devices");
    }

    /** HALCON's static {@code QueryAvailableDlDevices}: the devices matching the filter ([] and [] for all). */
    public static HDlDevice[] QueryAvailableDlDevices(HTuple genParamName, HTuple genParamValue) {
        HTuple tuple = new HTuple();
        HOperatorSet.QueryAvailableDlDevices(genParamName, genParamValue, tuple);
        HDlDevice[] devices = new HDlDevice[tuple.length()];
        for (int i = 0; i < devices.length; i++) {
            devices[i] = new HDlDevice(tuple.getH(i));
        }
        return devices;
    }

    public HTuple GetDlDeviceParam(String genParamName) {
        HTuple value = new HTuple();
        HOperatorSet.GetDlDeviceParam(new HTuple(this), new HTuple(genParamName), value);
        return value;
    }
}
