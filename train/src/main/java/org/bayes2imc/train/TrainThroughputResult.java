package org.bayes2imc.train;

import org.bayes2imc.bench.Timings;

import java.util.Map;

/**
 * {@code bench --train}'s results (issue 17; docs/RESULTS.md "TrainBenchResults"): BayesBiNN training against a plain
 * Adam loop of the same network, images/s from the median of R timed passes, and our step's per-phase profile.
 *
 * @param plainOverOursWall   images/s ratio plain ÷ BayesBiNN from the wall-clock medians (the cost of BayesBiNN)
 * @param plainOverOursCpu    the same from the process-CPU medians
 * @param oursMillisPerStep   wall milliseconds per step of each {@link StepPhases.Phase}, averaged over the timed passes
 * @param oursFusedBatchNorm our step with PyTorch's fused batch_norm (other bits; not what train runs), or null
 *                            when not asked for
 */
public record TrainThroughputResult(String architecture, long weights, int batchSize, int images, int stepsPerPass,
                                    int repeats, int warmupSteps, int mcSamples, int torchIntraOpThreads,
                                    int torchInterOpThreads, String torchVersion, int cores, String cpuModel,
                                    Path ours, Path plainAdam, double plainOverOursWall, double plainOverOursCpu,
                                    Map<String, Double> oursMillisPerStep, Path oursFusedBatchNorm,
                                    String plainLoop) {

    /**
     * One path's timed passes.
     *
     * @param imagesPerSecond        images of one pass ÷ median wall seconds
     * @param imagesPerCpuSecond     images of one pass ÷ median process CPU seconds
     */
    public record Path(double imagesPerSecond, double imagesPerCpuSecond, double medianSeconds, double minSeconds,
                       double maxSeconds, double[] seconds, double medianCpuSeconds, double[] cpuSeconds) {
        static Path of(Timings wall, Timings cpu, int images) {
            return new Path(images / wall.median(), images / cpu.median(), wall.median(), wall.min(), wall.max(),
                    wall.seconds(), cpu.median(), cpu.seconds());
        }
    }
}
