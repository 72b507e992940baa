package org.bayes2imc.train;

/**
 * PyTorch's intra-op thread count, set once before the engine loads. Stated explicitly rather than left to PyTorch's
 * default because the launcher sets OMP_NUM_THREADS=1 for oneDNN's sake, and PyTorch's default would read that too.
 */
public final class TorchThreads {
    private static final String INTRA = "ai.djl.pytorch.num_threads";
    private static final String INTER = "ai.djl.pytorch.num_interop_threads";

    private TorchThreads() {
    }

    /** Requests {@code threads} intra-op threads (0 = every available processor); effective before the engine loads. */
    public static void request(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = all processors), got " + threads);
        }
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        System.setProperty(INTRA, Integer.toString(n));
        System.setProperty(INTER, "1");
    }

    /** Requests every available processor unless a count was requested already. */
    public static void requestDefault() {
        if (System.getProperty(INTRA) == null) {
            request(0);
        }
    }
}
