package org.bayes2imc.cli;

import org.bayes2imc.imc.ReadNoiseMode;
import org.bayes2imc.imc.SampleStreams;
import org.bayes2imc.imc.SamplingConfig;
import org.bayes2imc.imc.CoreSamplingSemantics;
import org.bayes2imc.sparsity.SparsityMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The sampling group's options ({@link SamplingConfig}): S, when samples are drawn, how reads are simulated, sparsity. */
final class SamplingOptions {
    @Mixin
    SamplesOption samples;
    @Option(names = "--sampling", defaultValue = "chunk", description = "chunk | image | read: when a new sample is drawn (default: ${DEFAULT-VALUE})")
    String semantics;
    @Option(names = "--read-noise", defaultValue = "per-read", description = "per-read | frozen (default: ${DEFAULT-VALUE})")
    String readNoise;
    @Option(names = "--literal-reads", description = "simulate every Gaussian read instead of Bernoulli draws with the realised probability (slow)")
    boolean literalReads;
    @Option(names = "--sample-streams", defaultValue = "independent",
            description = "independent: every deployment and time reads with its own random streams (physical); common: "
                    + "the same streams everywhere (paired design: the spread across deployments is the deployment "
                    + "variation without Monte-Carlo sampling noise) (default: ${DEFAULT-VALUE})")
    String sampleStreams;
    @Option(names = "--sparsity", defaultValue = "none", description = "none | ls | ls+rs (default: ${DEFAULT-VALUE})")
    String sparsity;
    @Option(names = "--first-ensembling-layer", defaultValue = "-1", description = "L* for ls / ls+rs, -1 = automatic (default: ${DEFAULT-VALUE})")
    int firstEnsemblingLayer;

    /** The given options over {@code base} (the file's group, or the defaults). */
    SamplingConfig apply(SamplingConfig base, Given given) {
        SamplingConfig.Builder b = base.toBuilder();
        if (given.test("--samples")) b.optSamples(samples.value());
        if (given.test("--sampling")) b.optSemantics(CoreSamplingSemantics.parse(semantics));
        if (given.test("--read-noise")) b.optReadNoise(ReadNoiseMode.parse(readNoise));
        if (given.test("--literal-reads")) b.optLiteralReads(literalReads);
        if (given.test("--sample-streams")) b.optSampleStreams(SampleStreams.parse(sampleStreams));
        if (given.test("--sparsity")) b.optSparsity(SparsityMode.parse(sparsity));
        if (given.test("--first-ensembling-layer")) b.optFirstEnsemblingLayer(firstEnsemblingLayer);
        return b.build();
    }
}
