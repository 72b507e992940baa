package org.bayes2imc.cli;

import org.bayes2imc.io.InvalidSetting;

import java.util.Map;

/**
 * The one place that maps a configuration field (as core names it in {@link InvalidSetting}) to the command-line
 * option that sets it, so core never spells a flag and the user still reads the option they typed.
 */
final class OptionNames {
    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("model", "--device"),
            Map.entry("programming_noise_scale", "--programming-noise-scale"),
            Map.entry("read_noise_scale", "--read-noise-scale"),
            Map.entry("drift_scale", "--drift-scale"),
            Map.entry("design", "--design"),
            Map.entry("array_size", "--array-size"),
            Map.entry("activation_bits", "--activation-bits"),
            Map.entry("sram_bits", "--sram-bits"),
            Map.entry("encoding", "--encoding"),
            Map.entry("reference_micro_siemens", "--g-ref"),
            Map.entry("epsilon", "--epsilon"),
            Map.entry("compensation", "--compensation"),
            Map.entry("scheme", "--compensation"),
            Map.entry("reference_devices", "--reference-devices"),
            Map.entry("samples", "--samples"),
            Map.entry("semantics", "--sampling"),
            Map.entry("read_noise", "--read-noise"),
            Map.entry("sample_streams", "--sample-streams"),
            Map.entry("sparsity", "--sparsity"),
            Map.entry("first_ensembling_layer", "--first-ensembling-layer"),
            Map.entry("threads", "--threads"),
            Map.entry("kernel", "--kernel"),
            Map.entry("chunk_images", "--chunk"),
            Map.entry("deployments", "--deployments"),
            Map.entry("time", "--time"),
            Map.entry("design_time", "--design-time"),
            Map.entry("seed", "--seed"),
            Map.entry("method", "--correction"),
            Map.entry("calibration_images", "--calibration-images"),
            Map.entry("limit", "--limit"),
            // sparsity
            Map.entry("ensemble_fraction", "--ensemble-fraction"),
            Map.entry("granularity", "--granularity"),
            Map.entry("devices_per_synapse", "--devices-per-synapse"),
            // device, ppa
            Map.entry("target_p", "--target-p"),
            Map.entry("target_conductance", "--target-conductance"),
            Map.entry("draws", "--draws"),
            Map.entry("sweep", "--sweep"),
            // train
            Map.entry("epochs", "--epochs"),
            Map.entry("batch_size", "--batch-size"),
            Map.entry("learning_rate", "--lr"),
            Map.entry("temperature", "--temperature"),
            Map.entry("scale_clamp", "--scale-clamp"),
            Map.entry("dataset_scale", "--dataset-scale"),
            Map.entry("lambda_init_magnitude", "--lambda-init-magnitude"),
            Map.entry("kl_weight", "--kl-weight"),
            Map.entry("momentum", "--momentum"),
            Map.entry("mc_samples", "--mc-samples"),
            Map.entry("prior", "--prior"));

    private OptionNames() {
    }

    /** The option that sets {@code field}, or the field's own name where no option does. */
    static String of(String field) {
        return BY_FIELD.getOrDefault(field, field);
    }

    /** The refusal as the user should read it: the option's name, then the field's problem. */
    static String message(InvalidSetting e) {
        return of(e.field()) + " " + e.problem();
    }
}
