package org.bayes2imc.cli;

import org.bayes2imc.infer.SoftwareEvaluation;

/**
 * The evaluate command's results.json (docs/RESULTS.md, "evaluate"): its settings, the software mode network,
 * ensemble and posterior, and the wall times.
 */
public record EvaluateResults(String command, Settings settings, SoftwareEvaluation.SoftwareResults software,
                              Timing timing) {

    /** The settings that produced the figures; {@code limit} is null when every image was used. */
    public record Settings(String model, String architecture, String widths, String dataset, String split, int images,
                           String ood, int oodImages, Integer limit, int samples, long seed, String sampling,
                           int chunkImages, int threads, String kernel, double calibrationTemperature,
                           String dataDir) {
    }

    /** Wall seconds of the mode and ensemble passes, the ensemble's member-images per second, and the total. */
    public record Timing(double modeSeconds, double ensembleSeconds, double ensembleImagesPerSecond,
                         double totalSeconds) {
    }
}
