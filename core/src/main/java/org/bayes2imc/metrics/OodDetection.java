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
        return new OodDetection(auroc(inScores, oodScores), aupr(inScores, oodScores), fprAtTpr(inScores, oodScores, TPR_TARGET));
    }

    /** Mann–Whitney AUROC = (R_ood − n_ood(n_ood+1)/2)/(n_ood·n_in), average ranks for ties. */
    public static double auroc(double[] in, double[] ood) {
        int n = in.length + ood.length;
        double[] s = new double[n];
        boolean[] positive = new boolean[n];
        Integer[] order = sortedDescending(in, ood, s, positive);
        // Ascending ranks: walk from the end of the descending order.
        double rankSum = 0;
        int i = n - 1;
        int rank = 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && s[order[j - 1]] == s[order[i]]) {
                j--;
            }
            int size = i - j + 1;
            double avg = rank + (size - 1) / 2.0;
            for (int t = j; t <= i; t++) {
                if (positive[order[t]]) {
                    rankSum += avg;
                }
            }
            rank += size;
            i = j - 1;
        }
        double np = ood.length;
        return (rankSum - np * (np + 1) / 2) / (np * in.length);
    }

    /** Average precision: Σ over distinct thresholds (descending) of (recall_k − recall_{k−1})·precision_k. */
    public static double aupr(double[] in, double[] ood) {
        int n = in.length + ood.length;
        double[] s = new double[n];
        boolean[] positive = new boolean[n];
        Integer[] order = sortedDescending(in, ood, s, positive);
        double ap = 0;
        int tp = 0;
        int fp = 0;
        double lastRecall = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && s[order[j]] == s[order[i]]) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            double recall = (double) tp / ood.length;
            ap += (recall - lastRecall) * tp / (tp + fp);
            lastRecall = recall;
            i = j;
        }
        return ap;
    }

    /** FPR at the highest threshold (scores ≥ threshold flagged OOD) whose TPR reaches {@code target}. */
    public static double fprAtTpr(double[] in, double[] ood, double target) {
        int n = in.length + ood.length;
        double[] s = new double[n];
        boolean[] positive = new boolean[n];
        Integer[] order = sortedDescending(in, ood, s, positive);
        int tp = 0;
        int fp = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && s[order[j]] == s[order[i]]) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            if ((double) tp / ood.length >= target) {
                return (double) fp / in.length;
            }
            i = j;
        }
        return 1.0;
    }

    private static Integer[] sortedDescending(double[] in, double[] ood, double[] s, boolean[] positive) {
        System.arraycopy(in, 0, s, 0, in.length);
        System.arraycopy(ood, 0, s, in.length, ood.length);
        for (int i = in.length; i < s.length; i++) {
            positive[i] = true;
        }
        for (double v : s) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("OOD score is NaN");
            }
        }
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        return order;
    }
}
