package org.bayes2imc.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The bench command's results.json (docs/RESULTS.md, "bench"): the settings with the machine, the timed paths
 * (medians over repeats, min, max and every repeat), throughput against the measured peaks, and with
 * {@code --scaling} the time against S and deployments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchResults(int schemaVersion, String command, Settings settings, Bench bench, Scaling scaling) {

    /** The settings of the run and the machine it ran on. */
    public record Settings(String model, String architecture, String dataset, int limit, int images, int samples,
                           int repeats, String device, double timeSeconds, int chunkImages, long seed, int threads,
                           int activationBits, String kernelRequested, String kernelFull, String kernelLsRs,
                           int firstEnsemblingLayerLsRs, String timedRegion, Machine machine) {
    }

    /** The machine: cores, CPU, JVM, OS, kernels and the load average before and after. */
    public record Machine(int cores, String cpu, String jvm, String os, String sgemmKernel, String onednnIsa,
                         int openblasThreadsPerCall, String pytorchVersion, int pytorchIntraOpThreads,
                         double loadAverageStart, double loadAverageEnd) {
    }

    /** The timed paths and what they achieved (seconds are wall medians unless named cpu). */
    public record Bench(double oursFullSeconds, double oursFullSecondsMin, double oursFullSecondsMax,
                        List<Double> oursFullSecondsAll, double oursLsRsSeconds, double oursLsRsSecondsMin,
                        double oursLsRsSecondsMax, List<Double> oursLsRsSecondsAll, double pytorchDenseSeconds,
                        double pytorchDenseSecondsMin, double pytorchDenseSecondsMax,
                        List<Double> pytorchDenseSecondsAll, double oursFullCpuSeconds, double oursLsRsCpuSeconds,
                        double pytorchDenseCpuSeconds, double pytorchDenseWeightDrawSeconds, double speedupFull,
                        double speedupLsRs, long macsPerImage, double fullEnsembleMacs, long lsRsSharedMacsPerImage,
                        long lsRsMemberMacsPerImage, double macsPerSecondFull, double macsPerSecondLsRsEquivalent,
                        double macsPerSecondPytorch, double peakGflops, String peakSource,
                        double peakMacsPerSecond, double peakFraction,
                        @JsonProperty("int8_peak_g_macs_per_second") double int8PeakGMacsPerSecond,
                        double floatPeakFraction, double peakFractionPytorch, double macsPerCpuSecondFull,
                        double macsPerCpuSecondPytorch, double peakGflopsPerCpuSecond, double peakFractionCpu,
                        double fmaLoopGflops, double sgemmGflops, int sgemmSize,
                        @JsonProperty("popcount_g_binary_macs_per_second") double popcountGBinaryMacsPerSecond,
                        double accuracyOursFull, double accuracyOursLsRs, double accuracyPytorchDense,
                        double predictionAgreementFullVsPytorch) {
    }

    /** {@code --scaling}: time against ensemble members S and against deployments K. */
    public record Scaling(int images, List<BySamples> samples, List<ByDeployments> deployments) {
    }

    /** One S: wall and CPU seconds of each path. */
    public record BySamples(int samples, double noneSeconds, double lsRsSeconds, double pytorchDenseSeconds,
                            double noneCpuSeconds, double lsRsCpuSeconds, double pytorchDenseCpuSeconds) {
    }

    /** One K: evaluation and programming seconds without sparsity and with LS+RS. */
    public record ByDeployments(int deployments, double noneEvaluationSeconds, double noneProgrammingSeconds,
                                double lsRsEvaluationSeconds, double lsRsProgrammingSeconds) {
    }
}
