package org.bayes2imc.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every metric against values computed by hand (the arithmetic is in the comments). */
class MetricsTest {
    static final double TOL = 1e-6;

    /** Logits whose softmax is exactly the given probabilities: ln p. */
    static float[] logitsOf(double... p) {
        float[] l = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            l[i] = (float) Math.log(p[i]);
        }
        return l;
    }

    // Three images, three classes, one member:
    //   p = [.7 .2 .1] label 0 (right), [.1 .62 .28] label 2 (wrong), [.29 .29 .42] label 2 (right)
    static final EnsembleLogits THREE = EnsembleLogits.single(3, concat(logitsOf(.7, .2, .1), logitsOf(.1, .62, .28), logitsOf(.29, .29, .42)));
    static final int[] LABELS = {0, 2, 2};

    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    @Test
    void accuracyNllBrier() {
        Predictive p = Predictive.of(THREE, 1.0);
        assertThat(ClassificationMetrics.accuracy(p, LABELS)).isCloseTo(2.0 / 3, within(TOL));
        // NLL = −(ln .7 + ln .28 + ln .42)/3 = (0.356675 + 1.272966 + 0.867501)/3 = 0.832381
        assertThat(ClassificationMetrics.nll(p, LABELS)).isCloseTo(0.832381, within(TOL));
        // Brier = [(.09+.04+.01) + (.01+.3844+.5184) + (.0841+.0841+.3364)]/3 = 1.5574/3
        assertThat(ClassificationMetrics.brier(p, LABELS)).isCloseTo(0.519133, within(TOL));
    }

    @Test
    void eceAndReliabilityDiagram() {
        Predictive p = Predictive.of(THREE, 1.0);
        List<Calibration.Bin> bins = Calibration.reliability(p, LABELS, 15);
        assertThat(bins).hasSize(15);
        // confidences .7 → bin ⌊10.5⌋ = 10 (right), .62 → bin ⌊9.3⌋ = 9 (wrong), .42 → bin ⌊6.3⌋ = 6 (right)
        assertThat(bins.get(10).count()).isEqualTo(1);
        assertThat(bins.get(10).meanConfidence()).isCloseTo(0.7, within(TOL));
        assertThat(bins.get(10).accuracy()).isEqualTo(1.0);
        assertThat(bins.get(9).accuracy()).isEqualTo(0.0);
        assertThat(bins.get(6).count()).isEqualTo(1);
        assertThat(bins.get(0).count()).isZero();
        assertThat(bins.get(0).meanConfidence()).isNaN();
        // ECE = (|1 − .7| + |0 − .62| + |1 − .42|)/3 = 1.5/3
        assertThat(Calibration.ece(bins)).isCloseTo(0.5, within(TOL));
    }

    @Test
    void confidenceOneFallsInTheLastBin() {
        EnsembleLogits sure = EnsembleLogits.single(2, new float[] {0f, -1000f});
        List<Calibration.Bin> bins = Calibration.reliability(Predictive.of(sure, 1.0), new int[] {0}, 15);
        assertThat(bins.get(14).count()).isEqualTo(1);
        assertThat(Calibration.ece(bins)).isCloseTo(0.0, within(TOL));
    }

    @Test
    void entropyDecompositionOfTwoMembers() {
        // member 1: logits [0, 0] → p = [.5, .5]; member 2: [ln 3, 0] → p = [.75, .25]; mean [.625, .375]
        EnsembleLogits e = new EnsembleLogits(2, new float[][] {{0f, 0f}, {(float) Math.log(3), 0f}});
        Predictive p = Predictive.of(e, 1.0);
        assertThat(p.mean()[0]).isCloseTo(0.625, within(TOL));
        // H[p̄] = .625·0.470004 + .375·0.980829 = 0.661563
        assertThat(p.entropy()[0]).isCloseTo(0.661563, within(TOL));
        // aleatoric = (ln 2 + .75·0.287682 + .25·1.386294)/2 = (0.693147 + 0.562335)/2 = 0.627741
        assertThat(p.aleatoric()[0]).isCloseTo(0.627741, within(TOL));
        assertThat(p.epistemic()[0]).isCloseTo(0.033822, within(TOL));
    }

    @Test
    void temperatureDividesLogits() {
        // [ln 3, 0] at T = 2 → [√3, 1]/(√3 + 1) = [0.633975, 0.366025]
        Predictive p = Predictive.of(EnsembleLogits.single(2, new float[] {(float) Math.log(3), 0f}), 2.0);
        assertThat(p.mean()[0]).isCloseTo(0.633975, within(TOL));
        assertThat(p.epistemic()[0]).isZero();
    }

    @Test
    void oodDetectionOnTheTextbookExample() {
        // in (negative) = {0.1, 0.4}, OOD (positive) = {0.35, 0.8}: pairs won 3 of 4 → AUROC .75;
        // AP = .5·1 + .5·(2/3) = .833333; TPR reaches 1 at threshold .35 with 1 of 2 in flagged → FPR .5
        OodDetection d = OodDetection.of(new double[] {0.1, 0.4}, new double[] {0.35, 0.8});
        assertThat(d.auroc()).isCloseTo(0.75, within(TOL));
        assertThat(d.aupr()).isCloseTo(0.833333, within(TOL));
        assertThat(d.fpr95()).isCloseTo(0.5, within(TOL));
    }

    @Test
    void oodDetectionWithTies() {
        // in = {1, 2, 2}, OOD = {2, 3}: OOD 2 beats 1 and ties the two 2s (½ each), OOD 3 beats all → 5/6
        // AP: threshold 3 → recall .5, precision 1; threshold 2 → recall 1, precision 2/4 → .5 + .25 = .75
        // FPR95: TPR first ≥ .95 at threshold 2, where 2 of 3 in are flagged
        OodDetection d = OodDetection.of(new double[] {1, 2, 2}, new double[] {2, 3});
        assertThat(d.auroc()).isCloseTo(5.0 / 6, within(TOL));
        assertThat(d.aupr()).isCloseTo(0.75, within(TOL));
        assertThat(d.fpr95()).isCloseTo(2.0 / 3, within(TOL));
        // all tied: a useless score → AUROC ½, AP = base rate, FPR 1
        OodDetection flat = OodDetection.of(new double[] {0, 0}, new double[] {0, 0, 0});
        assertThat(flat.auroc()).isCloseTo(0.5, within(TOL));
        assertThat(flat.aupr()).isCloseTo(0.6, within(TOL));
        assertThat(flat.fpr95()).isEqualTo(1.0);
    }

    @Test
    void perfectSeparation() {
        OodDetection d = OodDetection.of(new double[] {0, 1, 2}, new double[] {3, 4});
        assertThat(d.auroc()).isEqualTo(1.0);
        assertThat(d.aupr()).isEqualTo(1.0);
        assertThat(d.fpr95()).isEqualTo(0.0);
    }

    @Test
    void histogramBinsAndClamps() {
        Histogram h = Histogram.of(new double[] {-1, 0, 0.24, 0.25, 0.99, 1.0, 7}, 0, 1, 4);
        assertThat(h.counts()).containsExactly(3, 1, 0, 3);
        assertThat(h.total()).isEqualTo(7);
    }

    @Test
    void evaluationResultJsonCarriesTheSchemaKeys() {
        EvaluationResult r = Evaluation.of(THREE, LABELS, 1.5, EnsembleLogits.single(3, logitsOf(.34, .33, .33)));
        var j = org.bayes2imc.io.Json.tree(r.metrics());
        for (String k : List.of("accuracy", "nll", "brier", "ece", "entropy_mean", "aleatoric_mean", "epistemic_mean",
                "ood_auroc_entropy", "ood_aupr_entropy", "ood_fpr95_entropy", "ood_auroc_mi", "ood_aupr_mi", "ood_fpr95_mi",
                "reliability", "nll_calibrated", "ece_calibrated", "brier_calibrated")) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("accuracy").asDouble()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(j.get("ece").asDouble()).isCloseTo(0.5, within(TOL));
        assertThat(j.get("reliability")).hasSize(15);
        // The OOD image is the most uncertain: entropy AUROC 1; a single member has no MI: all tied → ½.
        assertThat(j.get("ood_auroc_entropy").asDouble()).isEqualTo(1.0);
        assertThat(j.get("ood_auroc_mi").asDouble()).isEqualTo(0.5);
        assertThat(j.get("reliability").get(0).get("confidence").isNull()).isTrue();
        // Calibrated at T = 1.5 is less confident than raw: the sharpest image's confidence drops.
        assertThat(r.nllCalibrated()).isNotEqualTo(r.nll());
    }
}
