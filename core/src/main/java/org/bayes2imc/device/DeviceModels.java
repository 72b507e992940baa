package org.bayes2imc.device;

import java.util.List;
import java.util.Locale;

/** The registry of device models by command-line name ("ibm-pcm", "nandakumar", "ideal"), with published defaults. */
public final class DeviceModels {
    /** The registered names, in the order the help lists them. */
    public static final List<String> NAMES = List.of(IbmPcmModel.NAME, NandakumarModel.NAME, IdealDevice.NAME);

    private DeviceModels() {
    }

    /** The named model with its published defaults. */
    public static DeviceModel create(String name) {
        return create(name, 1.0, 1.0, 1.0);
    }

    /**
     * The named model with noise scales (1 = published, 0 = effect off). For the ideal device only the read scale
     * applies (it multiplies its constant σ); it has no programming noise or drift to scale.
     */
    public static DeviceModel create(String name, double programmingScale, double readScale, double driftScale) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case IbmPcmModel.NAME -> new IbmPcmModel(IbmPcmConfig.defaults().withNoiseScales(programmingScale, readScale, driftScale));
            case NandakumarModel.NAME -> new NandakumarModel(NandakumarConfig.defaults().withNoiseScales(programmingScale, readScale, driftScale));
            case IdealDevice.NAME -> {
                IbmPcmConfig.scale("read noise scale", readScale);
                yield new IdealDevice(readScale * IdealDevice.DEFAULT_READ_SIGMA_MICROSIEMENS, 25.0);
            }
            default -> throw new IllegalArgumentException("unknown device model '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }

    /** Wraps a model in program-and-verify with the default settings (tolerance 0.5 µS, 10 attempts, 1 verify read). */
    public static ProgramAndVerify withProgramAndVerify(DeviceModel model) {
        return new ProgramAndVerify(model, 0.5, 10, 1);
    }
}
