package org.bayes2imc.imc;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.bayes2imc.io.InvalidSetting;

/**
 * How the simulator computes (README "Simulator kernels"): these settings change speed only, never a result.
 * Immutable; {@link #builder()} starts from the documented defaults.
 *
 * @param threads            worker threads, 0 = all available processors [default 0]; results do not depend on it
 * @param kernel             arithmetic kernels: auto [default: exact int8 oneDNN kernels on VNNI CPUs, else float],
 *                           int8 or float
 * @param chunkImages        images per chunk: the unit of parallel work and of sampling in the default semantics [default 64]
 * @param reuseDeterministic compute layers whose synapses are all exactly deterministic once per chunk and share them
 *                           across members [default true]; false gives the naive S × (all work) baseline for speed studies
 */
@JsonDeserialize(builder = EngineConfig.Builder.class)
public record EngineConfig(int threads, KernelChoice kernel, int chunkImages, boolean reuseDeterministic) {
    /** Worker threads: beyond this only scheduling overhead grows (and ForkJoinPool refuses more than 32767). */
    public static final int MAX_THREADS = 1024;

    public EngineConfig {
        InvalidSetting.range("threads", threads, 0, MAX_THREADS);
        InvalidSetting.present("kernel", kernel);
        InvalidSetting.atLeast("chunk_images", chunkImages, 1);
    }

    public static EngineConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optThreads(threads).optKernel(kernel).optChunkImages(chunkImages).optReuseDeterministic(reuseDeterministic);
    }

    /** The worker threads to start: {@link #threads}, 0 resolved to the available processors. */
    public int workerThreads() {
        return threads == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
    }

    /** Every setting optional ({@code opt…}), defaults as documented on the record. */
    @JsonPOJOBuilder(withPrefix = "opt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static final class Builder {
        private int threads;
        private KernelChoice kernel = KernelChoice.AUTO;
        private int chunkImages = 64;
        private boolean reuseDeterministic = true;

        public Builder optThreads(int v) {
            threads = v;
            return this;
        }

        public Builder optKernel(KernelChoice v) {
            kernel = v;
            return this;
        }

        public Builder optChunkImages(int v) {
            chunkImages = v;
            return this;
        }

        public Builder optReuseDeterministic(boolean v) {
            reuseDeterministic = v;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(threads, kernel, chunkImages, reuseDeterministic);
        }
    }
}
