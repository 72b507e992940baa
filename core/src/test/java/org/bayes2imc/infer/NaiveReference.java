package org.bayes2imc.infer;

import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/** A direct nested-loop forward pass in double, written from docs/MODEL.md §2.3 independently of the engine's im2col/GEMM. */
final class NaiveReference {
    private NaiveReference() {
    }

    static double[] forward(Architecture a, float[][] w, float[][] mean, float[][] var, float[] input, int image) {
        double[] x = new double[a.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = input[image * a.inputSize() + i];
        }
        for (LayerSpec l : a.layers()) {
            double[] y;
            int h = l.inHeight();
            int wd = l.inWidth();
            if (l.kind() == LayerKind.CONV) {
                y = new double[l.outChannels() * h * wd];
                for (int o = 0; o < l.outChannels(); o++) {
                    for (int r = 0; r < h; r++) {
                        for (int c = 0; c < wd; c++) {
                            double s = 0;
                            for (int i = 0; i < l.inChannels(); i++) {
                                for (int ky = 0; ky < 3; ky++) {
                                    for (int kx = 0; kx < 3; kx++) {
                                        int rr = r + ky - 1;
                                        int cc = c + kx - 1;
                                        if (rr < 0 || rr >= h || cc < 0 || cc >= wd) {
                                            continue;
                                        }
                                        s += w[l.index()][((o * l.inChannels() + i) * 3 + ky) * 3 + kx] * x[(i * h + rr) * wd + cc];
                                    }
                                }
                            }
                            y[(o * h + r) * wd + c] = s;
                        }
                    }
                }
                if (l.maxPool()) {
                    double[] p = new double[l.outChannels() * (h / 2) * (wd / 2)];
                    for (int o = 0; o < l.outChannels(); o++) {
                        for (int r = 0; r < h / 2; r++) {
                            for (int c = 0; c < wd / 2; c++) {
                                double m = Double.NEGATIVE_INFINITY;
                                for (int dy = 0; dy < 2; dy++) {
                                    for (int dx = 0; dx < 2; dx++) {
                                        m = Math.max(m, y[(o * h + 2 * r + dy) * wd + 2 * c + dx]);
                                    }
                                }
                                p[(o * (h / 2) + r) * (wd / 2) + c] = m;
                            }
                        }
                    }
                    y = p;
                }
            } else {
                y = new double[l.outChannels()];
                for (int o = 0; o < l.outChannels(); o++) {
                    double s = 0;
                    for (int i = 0; i < l.inChannels(); i++) {
                        s += w[l.index()][o * l.inChannels() + i] * x[i];
                    }
                    y[o] = s;
                }
            }
            int plane = y.length / l.outChannels();
            for (int o = 0; o < l.outChannels(); o++) {
                for (int i = 0; i < plane; i++) {
                    double v = (y[o * plane + i] - mean[l.index()][o]) / Math.sqrt(var[l.index()][o] + l.bnEps());
                    y[o * plane + i] = l.relu() ? Math.max(0, v) : v;
                }
            }
            x = y;
        }
        return x;
    }
}
