package org.bayes2imc.study;

import org.bayes2imc.correct.CalibrationSet;
import org.bayes2imc.correct.LogitMap;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.NetworkForward;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;

/** What a study hands a logit correction and how it applies the fitted map (docs/MODEL.md §7). */
final class LogitFitting {
    private LogitFitting() {
    }

    /**
     * What reading back the final layer gives: each synapse's probability of a +1 read (from its conductance, read
     * back with enough averaged reads that read noise is negligible), beside its software target.
     */
    static CalibrationSet.FinalLayerReadBack readBack(BbnnModel model, DeployedCore core, float[] meanInput) {
        int last = model.architecture().depth() - 1;
        LayerSpec l = model.architecture().layer(last);
        return new CalibrationSet.FinalLayerReadBack(core.realisedProbabilities(last),
                WeightSampler.probabilities(model.lambda(last)), meanInput, model.bnVar(last), l.bnEps());
    }

    /**
     * The calibration set's mean input to the final layer, computed digitally with the mode network (the
     * expected-shift estimate only needs its mean).
     */
    static float[] meanFinalLayerInput(BbnnModel model, Dataset calibration) {
        Architecture a = model.architecture();
        int last = a.depth() - 1;
        float[][] w = new float[a.depth()][];
        for (int i = 0; i < a.depth(); i++) {
            w[i] = WeightSampler.mode(model.lambda(i));
        }
        float[] x = ModelInputs.normalised(model, calibration);
        float[] h = NetworkForward.run(a, BatchNormStats.of(model), w, x, calibration.size(), 0, last);
        int fanIn = a.layer(last).fanIn();
        float[] mean = new float[fanIn];
        for (int n = 0; n < calibration.size(); n++) {
            for (int i = 0; i < fanIn; i++) {
                mean[i] += h[n * fanIn + i];
            }
        }
        for (int i = 0; i < fanIn; i++) {
            mean[i] /= calibration.size();
        }
        return mean;
    }

    static float[] flatten(EnsembleLogits e) {
        float[][] m = e.members();
        int n = m[0].length;
        float[] out = new float[m.length * n];
        for (int s = 0; s < m.length; s++) {
            System.arraycopy(m[s], 0, out, s * n, n);
        }
        return out;
    }

    static EnsembleLogits apply(LogitMap map, EnsembleLogits e) {
        float[][] m = e.members();
        float[][] out = new float[m.length][];
        for (int s = 0; s < m.length; s++) {
            out[s] = map.apply(m[s]);
        }
        return new EnsembleLogits(e.classes(), out);
    }
}
