package org.bayes2imc.infer;

/**
 * Single-threaded row-major matrix product C = A·B (or A·Bᵀ), the compute kernel of every layer. Implementations:
 * {@link OpenBlasSgemm} (OpenBLAS through JavaCPP, pinned to one thread so the engine parallelises deterministically
 * itself) and {@link JavaSgemm} (pure Java, the fallback when the native library cannot load).
 */
public interface Sgemm {

    /**
     * C[m×n] = A[m×k] · op(B), with op(B) = B[k×n] or, when {@code transposeB}, Bᵀ for B stored [n×k]. Arrays are
     * dense row-major starting at the given offsets; C is overwritten.
     */
    void multiply(int m, int n, int k, float[] a, int aOffset, float[] b, int bOffset, boolean transposeB,
                  float[] c, int cOffset);

    /** Short name for logs and results.json. */
    String name();

    /** The engine's kernel: OpenBLAS when it loads, else pure Java. Chosen once per JVM. */
    static Sgemm best() {
        return Kernels.BEST;
    }

    /** Holder so the native library is probed lazily, once. */
    final class Kernels {
        static final Sgemm BEST = choose();

        private Kernels() {
        }

        private static Sgemm choose() {
            if (Boolean.getBoolean("bayes2imc.pureJava")) {
                return new JavaSgemm();
            }
            try {
                return OpenBlasSgemm.create();
            } catch (Throwable e) {
                System.err.println("bayes2imc: OpenBLAS unavailable (" + e + "); using the pure-Java kernel");
                return new JavaSgemm();
            }
        }
    }
}
