package org.bayes2imc.imc;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.io.InvalidSetting;
import org.bayes2imc.sparsity.SparsityMode;

/**
 * How the deployed core draws its ensemble (docs/MODEL.md §5, §9): S members, when a sample is drawn, how reads are
 * simulated and which synapses are sampled at all. Immutable; {@link #builder()} starts from the documented defaults.
 *
 * @param samples              ensemble members S [default 10]
 * @param semantics            when a new sample is drawn [default one per member and chunk of images]
 * @param readNoise            per read [default] or frozen per evaluation time
 * @param literalReads         simulate each Gaussian read and the comparison instead of a Bernoulli draw with the
 *                             realised probability (slow; equal in distribution) [default false]
 * @param sampleStreams        independent random streams per deployment and time [default] or common ones (paired)
 * @param sparsity             none [default], ls or ls+rs
 * @param firstEnsemblingLayer L* for ls / ls+rs; −1 = chosen automatically [default]
 */
@JsonDeserialize(builder = SamplingConfig.Builder.class)
public record SamplingConfig(int samples, CoreSamplingSemantics semantics, ReadNoiseMode readNoise, boolean literalReads,
                             SampleStreams sampleStreams, SparsityMode sparsity, int firstEnsemblingLayer) {
    public SamplingConfig {
        InvalidSetting.atLeast("samples", samples, 1);
        InvalidSetting.present("semantics", semantics);
        InvalidSetting.present("read_noise", readNoise);
        InvalidSetting.present("sample_streams", sampleStreams);
        InvalidSetting.present("sparsity", sparsity);
        if (firstEnsemblingLayer < -1) {
            throw new InvalidSetting("first_ensembling_layer", "must be >= 0 (or -1 = automatic), got " + firstEnsemblingLayer);
        }
    }

    public static SamplingConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optSamples(samples).optSemantics(semantics).optReadNoise(readNoise)
                .optLiteralReads(literalReads).optSampleStreams(sampleStreams).optSparsity(sparsity)
                .optFirstEnsemblingLayer(firstEnsemblingLayer);
    }

    /** Every setting optional ({@code opt…}), defaults as documented on the record. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private int samples = 10;
        private CoreSamplingSemantics semantics = CoreSamplingSemantics.PER_CHUNK;
        private ReadNoiseMode readNoise = ReadNoiseMode.PER_READ;
        private boolean literalReads;
        private SampleStreams sampleStreams = SampleStreams.INDEPENDENT;
        private SparsityMode sparsity = SparsityMode.NONE;
        private int firstEnsemblingLayer = -1;

        public Builder optSamples(int v) {
            samples = v;
            return this;
        }

        public Builder optSemantics(CoreSamplingSemantics v) {
            semantics = v;
            return this;
        }

        public Builder optReadNoise(ReadNoiseMode v) {
            readNoise = v;
            return this;
        }

        public Builder optLiteralReads(boolean v) {
            literalReads = v;
            return this;
        }

        public Builder optSampleStreams(SampleStreams v) {
            sampleStreams = v;
            return this;
        }

        public Builder optSparsity(SparsityMode v) {
            sparsity = v;
            return this;
        }

        public Builder optFirstEnsemblingLayer(int v) {
            firstEnsemblingLayer = v;
            return this;
        }

        public SamplingConfig build() {
            return new SamplingConfig(samples, semantics, readNoise, literalReads, sampleStreams, sparsity, firstEnsemblingLayer);
        }
    }
}
