package org.bayes2imc.infer;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.Evaluation;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.metrics.Metrics;
import org.bayes2imc.metrics.PosteriorReport;
import org.bayes2imc.metrics.PosteriorStats;
import org.bayes2imc.model.BbnnModel;

/**
 * The software reference a deployment is compared with (docs/MODEL.md §2.5): the mode network and the S-member ensemble
 * on a test set (and an out-of-distribution set scored by the same sampled networks), raw and at the model's
 * calibration temperature, plus the posterior's probabilistic fractions.
 */
public final class SoftwareEvaluation {
    private SoftwareEvaluation() {
    }

    /** Both networks' figures and the seconds each took. */
    public record Result(EvaluationResult mode, EvaluationResult ensemble, PosteriorReport posterior,
                         double modeSeconds, double ensembleSeconds) {

        /** The {@code software} section of results.json. */
        public SoftwareResults results() {
            return new SoftwareResults(mode.metrics(), ensemble.metrics(), posterior, modeSeconds, ensembleSeconds);
        }
    }

    /** results.json {@code software} (docs/RESULTS.md): the mode network, the ensemble and the posterior. */
    public record SoftwareResults(Metrics mode, Metrics ensemble, PosteriorReport posterior, double modeSeconds,
                                  double ensembleSeconds) {
    }

    public static Result run(BbnnModel m, Dataset in, Dataset oodOrNull, SoftwareEnsemble.Settings settings,
                             Progress progress) {
        int classes = m.architecture().classes();
        return run(m, in, oodOrNull, d -> new EnsembleLogits(classes, SoftwareEnsemble.memberLogits(m, d, settings,
                progress)), progress);
    }

    /**
     * As above, with the ensemble's member logits of a dataset from {@code ensemble} (which must give what
     * {@link SoftwareEnsemble#memberLogits} gives, e.g. from work shared with later studies).
     */
    public static Result run(BbnnModel m, Dataset in, Dataset oodOrNull,
                             java.util.function.Function<Dataset, EnsembleLogits> ensemble, Progress progress) {
        double temperature = m.calibrationTemperature();
        int classes = m.architecture().classes();
        long t0 = System.nanoTime();
        EnsembleLogits modeIn = EnsembleLogits.single(classes, SoftwareEnsemble.modeLogits(m, in, progress));
        EnsembleLogits modeOod = oodOrNull == null ? null
                : EnsembleLogits.single(classes, SoftwareEnsemble.modeLogits(m, oodOrNull, progress));
        double modeSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        // The OOD set is evaluated by the same S sampled networks (same seed and draw keys) as the test set.
        EnsembleLogits ensIn = ensemble.apply(in);
        EnsembleLogits ensOod = oodOrNull == null ? null : ensemble.apply(oodOrNull);
        double ensembleSeconds = (System.nanoTime() - t0) / 1e9;
        return new Result(Evaluation.of(modeIn, in.labels(), temperature, modeOod),
                Evaluation.of(ensIn, in.labels(), temperature, ensOod), PosteriorStats.report(m),
                modeSeconds, ensembleSeconds);
    }
}
