package org.bayes2imc.cli;

import org.bayes2imc.bench.Timings;

/**
 * {@code bench --arch}'s results.json (docs/RESULTS.md, "ArchBenchResults"): a named network on a synthetic posterior
 * (issue 17), full ensemble and LS+RS against the PyTorch dense emulation, the peak fraction and the peak memory.
 */
public record ArchBenchResults(int schemaVersion, String command, String architecture, String posterior,
                               double[] probabilisticRowFractions, String inputs, int images, int samples, int repeats,
                               String device, double timeSeconds, int chunkImages, long seed, int threads,
                               String kernelFull, String kernelLsRs, String onednnIsa, int firstEnsemblingLayerLsRs,
                               long weights, long macsPerImage, long lsRsSharedMacsPerImage, long lsRsMemberMacsPerImage,
                               Seconds oursFull, Seconds oursLsRs, Seconds pytorchDense, double imagesPerSecondFull,
                               double imagesPerSecondLsRs, double imagesPerSecondPytorch, double speedupFull,
                               double speedupLsRs, double macsPerSecondFull, String peakSource, double peakMacsPerSecond,
                               double peakFraction, double predictionAgreementFullVsPytorch, int memoryDeployments,
                               double memorySeconds, long maxHeapBytes, long peakHeapBytes, long peakRssBytes,
                               double loadAverageStart, double loadAverageEnd) {

    /** One path's timed repeats in seconds: the median (the figure), min, max and every repeat. */
    public record Seconds(double median, double min, double max, double[] all) {
        static Seconds of(Timings t) {
            return new Seconds(t.median(), t.min(), t.max(), t.seconds());
        }
    }
}
