package org.bayes2imc.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated points of a two-objective design space: a point is on the front when no other point is at
 * least as good in both objectives and better in one. Objectives are given as values to minimise (negate a figure
 * to maximise it); points with a non-finite objective take no part.
 */
final class ParetoFront {
    private ParetoFront() {
    }

    /** Indices of the non-dominated points, ordered by the first objective. */
    static List<Integer> of(double[] first, double[] second) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            if (!Double.isFinite(first[i]) || !Double.isFinite(second[i])) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < first.length && !dominated; j++) {
                if (j == i || !Double.isFinite(first[j]) || !Double.isFinite(second[j])) {
                    continue;
                }
                dominated = first[j] <= first[i] && second[j] <= second[i] && (first[j] < first[i] || second[j] < second[i]);
            }
            if (!dominated) {
                front.add(i);
            }
        }
        front.sort((a, b) -> Double.compare(first[a], first[b]) != 0 ? Double.compare(first[a], first[b])
                : Double.compare(second[a], second[b]));
        return front;
    }
}
