package org.bayes2imc.infer;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * {@link Sgemm} on OpenBLAS's cblas_sgemm through JavaCPP. OpenBLAS is pinned to one thread: its multi-threaded
 * reductions may round differently at different thread counts, so the engine parallelises over images itself.
 * Operands are copied into per-thread off-heap buffers (a bulk copy per call; passing float[] directly makes the
 * JNI layer copy them less efficiently).
 */
public final class OpenBlasSgemm implements Sgemm {
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private OpenBlasSgemm() {
    }

    static OpenBlasSgemm create() {
        Loader.load(openblas_nolapack.class);
        openblas_nolapack.blas_set_num_threads(1);
        OpenBlasSgemm k = new OpenBlasSgemm();
        // Probe once so a broken native library fails here, not in the middle of an evaluation.
        float[] c = new float[1];
        k.multiply(1, 1, 2, new float[] {1f, 2f}, 0, new float[] {3f, 4f}, 0, false, c, 0);
        if (c[0] != 11f) {
            throw new IllegalStateException("OpenBLAS probe returned " + c[0] + " instead of 11");
        }
        return k;
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, int aOffset, float[] b, int bOffset, boolean transposeB,
                         float[] c, int cOffset) {
        Buffers buf = BUFFERS.get();
        FloatPointer pa = buf.a(m * k);
        FloatPointer pb = buf.b(n * k);
        FloatPointer pc = buf.c(m * n);
        pa.position(0).put(a, aOffset, m * k);
        pb.position(0).put(b, bOffset, n * k);
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, pa, k, pb, transposeB ? k : n, 0f, pc, n);
        pc.position(0).get(c, cOffset, m * n);
    }

    @Override
    public String name() {
        return "openblas";
    }

    /** One thread's off-heap operand buffers, grown on demand and kept for the thread's life. */
    private static final class Buffers {
        private FloatPointer a;
        private FloatPointer b;
        private FloatPointer c;

        FloatPointer a(long size) {
            a = ensure(a, size);
            return a;
        }

        FloatPointer b(long size) {
            b = ensure(b, size);
            return b;
        }

        FloatPointer c(long size) {
            c = ensure(c, size);
            return c;
        }

        private static FloatPointer ensure(FloatPointer p, long size) {
            if (p != null && p.capacity() >= size) {
                return p;
            }
            if (p != null) {
                p.close();
            }
            return new FloatPointer(Math.max(size, 1024));
        }
    }
}
