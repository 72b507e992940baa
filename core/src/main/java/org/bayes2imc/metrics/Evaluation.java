package org.bayes2imc.metrics;

/** Computes every figure of an {@link EvaluationResult} from member logits, labels and optional OOD logits. */
public final class Evaluation {
    /** Bins of the entropy and mutual-information histograms over [0, ln C]. */
    public static final int HISTOGRAM_BINS = 20;

    private Evaluation() {
    }

    /**
     * @param in          member logits on the in-distribution set
     * @param labels      its labels
     * @param temperature the model's calibration temperature (logits are divided by it for the *_calibrated figures)
     * @param ood         member logits on the OOD set, or null
     */
    public static EvaluationResult of(EnsembleLogits in, int[] labels, double temperature, EnsembleLogits ood) {
        Predictive raw = Predictive.of(in, 1.0);
        Predictive cal = temperature == 1.0 ? raw : Predictive.of(in, temperature);
        var rel = Calibration.reliability(raw, labels, Calibration.DEFAULT_BINS);
        var relCal = temperature == 1.0 ? rel : Calibration.reliability(cal, labels, Calibration.DEFAULT_BINS);
        double maxEntropy = Math.log(in.classes());
        OodDetection byEntropy = null;
        OodDetection byMi = null;
        Histogram hEntropyOod = null;
        Histogram hMiOod = null;
        int oodImages = 0;
        double[] oodEpistemic = new double[0];
        if (ood != null) {
            if (ood.classes() != in.classes()) {
                throw new IllegalArgumentException("OOD logits have " + ood.classes() + " classes, in-distribution " + in.classes());
            }
            Predictive o = Predictive.of(ood, 1.0);
            oodImages = o.images();
            byEntropy = OodDetection.of(raw.entropy(), o.entropy());
            byMi = OodDetection.of(raw.epistemic(), o.epistemic());
            hEntropyOod = Histogram.of(o.entropy(), 0, maxEntropy, HISTOGRAM_BINS);
            oodEpistemic = o.epistemic();
        }
        double miTop = miUpper(raw.epistemic(), oodEpistemic, maxEntropy);
        if (ood != null) {
            hMiOod = Histogram.of(oodEpistemic, 0, miTop, HISTOGRAM_BINS);
        }
        return new EvaluationResult(in.samples(), in.images(),
                ClassificationMetrics.accuracy(raw, labels), ClassificationMetrics.nll(raw, labels),
                ClassificationMetrics.brier(raw, labels), Calibration.ece(rel),
                SampleStatistics.mean(raw.entropy()), SampleStatistics.mean(raw.aleatoric()),
                SampleStatistics.mean(raw.epistemic()), rel,
                temperature, ClassificationMetrics.accuracy(cal, labels), ClassificationMetrics.nll(cal, labels),
                ClassificationMetrics.brier(cal, labels), Calibration.ece(relCal), relCal,
                oodImages, byEntropy, byMi,
                Histogram.of(raw.entropy(), 0, maxEntropy, HISTOGRAM_BINS),
                Histogram.of(raw.epistemic(), 0, miTop, HISTOGRAM_BINS), hEntropyOod, hMiOod);
    }

    /**
     * Upper edge of the mutual-information histograms: the largest MI seen in or out of distribution (shared so the
     * two histograms compare bin for bin), since MI is usually a small fraction of its bound ln C.
     */
    static double miUpper(double[] in, double[] ood, double bound) {
        double max = 0;
        for (double v : in) {
            max = Math.max(max, v);
        }
        for (double v : ood) {
            max = Math.max(max, v);
        }
        return Math.min(bound, Math.max(1e-6, max * 1.0001));
    }
}
