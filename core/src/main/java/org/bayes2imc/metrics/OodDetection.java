package org.bayes2imc.metrics;

import java.util.Arrays;

/**
 * Out-of-distribution detection quality of an uncertainty score (higher = more likely OOD; OOD is the positive
 * class): AUROC via the rank-sum statistic with tied scores given their average rank (a tie counts ½), AUPR as
 * average precision over distinct thresholds (ties enter together), and the false-positive rate at the first
 * threshold reaching 95 % true-positive rate.
 *
 * @param auroc area under the ROC curve, in [0, 1]
 * @param aupr  average precision with OOD positive, in [0, 1]
 * @param fpr95 in-distribution fraction flagged at ≥ 95 % OOD recall, in [0, 1]
 */
public record OodDetection(double auroc, double aupr, double fpr95) {
    public static final double TPR_TARGET = 0.95;

    public static OodDetection of(double[] inScores, double[] oodScores) {
        if (inScores.length == 0 || oodScores.length == 0) {
            throw new IllegalArgumentException("OOD detection needs in- and out-of-distribution scores");
        }
        Thresholds t = Thresholds.of(inScores, oodScores);
        return new OodDetection(t.auroc(), t.aupr(), t.fprAtTpr(TPR_TARGET));
    }

    /** Mann–Whitney AUROC: P(OOD score > in score) + ½·P(tie). */
    public static double auroc(double[] in, double[] ood) {
        return Thresholds.of(in, ood).auroc();
    }

    /** Average precision: Σ over distinct thresholds (descending) of (recall_k − recall_{k−1})·precision_k. */
    public static double aupr(double[] in, double[] ood) {
        return Thresholds.of(in, ood).aupr();
    }

    /** FPR at the highest threshold (scores ≥ threshold flagged OOD) whose TPR reaches {@code target}. */
    public static double fprAtTpr(double[] in, double[] ood, double target) {
        return Thresholds.of(in, ood).fprAtTpr(target);
    }

    /**
     * The detector at every distinct score, highest first: how many OOD (tp) and in-distribution (fp) inputs score
     * exactly that value. Tied scores enter together, which is what all three figures need; sorted once.
     */
    private record Thresholds(int[] tp, int[] fp, int nIn, int nOod) {

        static Thresholds of(double[] in, double[] ood) {
            int n = in.length + ood.length;
            double[] s = new double[n];
            System.arraycopy(in, 0, s, 0, in.length);
            System.arraycopy(ood, 0, s, in.length, ood.length);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(s[i])) {
                    throw new IllegalArgumentException("OOD score is NaN");
                }
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
            int[] tp = new int[n];
            int[] fp = new int[n];
            int groups = 0;
            for (int i = 0; i < n; groups++) {
                int j = i;
                while (j < n && s[order[j]] == s[order[i]]) {
                    if (order[j] >= in.length) {
                        tp[groups]++;
                    } else {
                        fp[groups]++;
                    }
                    j++;
                }
                i = j;
            }
            return new Thresholds(Arrays.copyOf(tp, groups), Arrays.copyOf(fp, groups), in.length, ood.length);
        }

        double auroc() {
            double wins = 0;
            long oodAbove = 0;
            for (int g = 0; g < tp.length; g++) {
                // in-distribution inputs of this group lose to every OOD input above and tie with the OOD ones here
                wins += fp[g] * (oodAbove + tp[g] / 2.0);
                oodAbove += tp[g];
            }
            return wins / ((double) nIn * nOod);
        }

        double aupr() {
            double ap = 0;
            long truePos = 0;
            long falsePos = 0;
            for (int g = 0; g < tp.length; g++) {
                truePos += tp[g];
                falsePos += fp[g];
                ap += (double) tp[g] / nOod * truePos / (truePos + falsePos);
            }
            return ap;
        }

        double fprAtTpr(double target) {
            long truePos = 0;
            long falsePos = 0;
            for (int g = 0; g < tp.length; g++) {
                truePos += tp[g];
                falsePos += fp[g];
                if ((double) truePos / nOod >= target) {
                    return (double) falsePos / nIn;
                }
            }
            return 1.0;
        }
    }
}
