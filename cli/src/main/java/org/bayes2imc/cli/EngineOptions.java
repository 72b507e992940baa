package org.bayes2imc.cli;

import org.bayes2imc.imc.EngineConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The engine group's options ({@link EngineConfig}): threads, kernels, chunk; they change speed, never results. */
final class EngineOptions {
    @Mixin
    ThreadsOption threads;
    @Mixin
    KernelOption kernel;
    @Option(names = "--chunk", defaultValue = "64", description = "images per chunk (unit of work and of sampling) (default: ${DEFAULT-VALUE})")
    int chunkImages;
    @Option(names = "--no-reuse-deterministic", description = "recompute exactly deterministic layers for every member (naive baseline for speed studies)")
    boolean noReuseDeterministic;

    /** The given options over {@code base} (the file's group, or the defaults). */
    EngineConfig apply(EngineConfig base, Given given) {
        EngineConfig.Builder b = base.toBuilder();
        if (given.test("--threads")) b.optThreads(threads.raw());
        if (given.test("--kernel")) b.optKernel(kernel.choice());
        if (given.test("--chunk")) b.optChunkImages(Checks.count("--chunk", chunkImages, Integer.MAX_VALUE));
        if (given.test("--no-reuse-deterministic")) b.optReuseDeterministic(!noReuseDeterministic);
        return b.build();
    }
}
