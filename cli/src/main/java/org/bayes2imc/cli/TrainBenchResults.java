package org.bayes2imc.cli;

import org.bayes2imc.train.TrainThroughputResult;

/**
 * results.json of {@code bench --train} (docs/RESULTS.md "TrainBenchResults"): BayesBiNN training throughput against a
 * plain DJL Trainer + Adam loop of the same network, with the load the machine carried.
 */
public record TrainBenchResults(int schemaVersion, String command, String dataset, long seed, double loadAverageStart,
                                double loadAverageEnd, TrainThroughputResult train) {
}
