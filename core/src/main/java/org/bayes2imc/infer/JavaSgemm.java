package org.bayes2imc.infer;

/**
 * Pure-Java {@link Sgemm}: i-k-j loops over primitive arrays, which the JIT vectorises. About 5× slower than
 * OpenBLAS here (see the kernel benchmark); used when the native library is unavailable and as a reference.
 */
public final class JavaSgemm implements Sgemm {

    @Override
    public void multiply(int m, int n, int k, float[] a, int aOffset, float[] b, int bOffset, boolean transposeB,
                         float[] c, int cOffset) {
        if (transposeB) {
            for (int i = 0; i < m; i++) {
                int ai = aOffset + i * k;
                for (int j = 0; j < n; j++) {
                    int bj = bOffset + j * k;
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        s += a[ai + p] * b[bj + p];
                    }
                    c[cOffset + i * n + j] = s;
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOffset + i * n;
            java.util.Arrays.fill(c, ci, ci + n, 0f);
            int ai = aOffset + i * k;
            for (int p = 0; p < k; p++) {
                float av = a[ai + p];
                if (av == 0f) {
                    continue;
                }
                int bp = bOffset + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    @Override
    public String name() {
        return "java";
    }
}
