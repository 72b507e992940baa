package org.bayes2imc.cli.demo;

import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.imc.NoCompensation;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.study.DriftRow;
import org.bayes2imc.study.DriftSweep;

import java.util.List;

/**
 * The demo's drift sweep (docs/MODEL.md §7): the drift deployments read at every drift time, uncompensated and with
 * the default compensation, raw and corrected, each row with its Monte-Carlo floor. Output: the {@code drift} rows.
 */
public record DriftStep(DemoPlan plan) implements DemoStep<DriftRow[]> {
    public static final String NAME = "drift";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DriftRow[]> type() {
        return DriftRow[].class;
    }

    @Override
    public StepKeys.Drift settings() {
        return new StepKeys.Drift(plan.hardwareKey(), plan.driftTest().size(), plan.driftTimesText(),
                plan.driftSparsity(), plan.driftDeployments(), plan.driftOod().size(), plan.correctionMethod(), true);
    }

    @Override
    public DriftRow[] run() {
        List<DriftCompensation> compensations = List.of(new NoCompensation(), DriftCompensation.DEFAULT);
        return DriftSweep.rows(DriftSweep.run(plan.model(), plan.base()
                        .withSparsity(SparsityMode.parse(plan.driftSparsity())).withDeployments(plan.driftDeployments()),
                compensations, plan.driftTimes(), plan.driftTest(), plan.driftOod(), plan.calibration(),
                plan.correction(), true, plan.shared(), plan.progress())).toArray(DriftRow[]::new);
    }
}
