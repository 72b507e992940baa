package org.bayes2imc.cli.demo;

import org.bayes2imc.metrics.Metrics;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.study.SparsityComparison;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyCell;
import org.bayes2imc.study.StudyResult;

import java.util.List;

/**
 * The sampling-sparsity comparison on hardware (docs/MODEL.md §8): the first deployments of the hardware study read
 * with the full ensemble (none, taken from the hardware step: same cores, seeds and images), with layer sparsity
 * (ls) and with layer and row sparsity (ls+rs). Output: results.json {@code sparsity_deploy}.
 *
 * @param hardwarePerDeployment     the hardware step's per-deployment figures
 * @param hardwareEvaluationSeconds the hardware step's test and OOD seconds over all K deployments
 */
public record SparsityStep(DemoPlan plan, List<Metrics> hardwarePerDeployment, double hardwareEvaluationSeconds)
        implements DemoStep<SparsityComparison> {
    public static final String NAME = "sparsity_deploy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SparsityComparison> type() {
        return SparsityComparison.class;
    }

    @Override
    public StepKeys.Sparsity settings() {
        return new StepKeys.Sparsity(plan.hardwareKey(), "none,ls,ls+rs", plan.sparsityDeployments());
    }

    @Override
    public SparsityComparison run() {
        int ks = Math.min(plan.deployments(), plan.sparsityDeployments());
        SparsityComparison.ModeFigures none = SparsityComparison.ModeFigures.ofRows(
                hardwarePerDeployment.subList(0, ks), hardwareEvaluationSeconds * ks / plan.deployments());
        Study.Builder b = Study.builder().setModel(plan.model()).optShared(plan.shared()).setTest(plan.hardwareTest())
                .optOod(plan.hardwareOod()).setCalibration(plan.calibration()).optTimes(plan.seconds()).optDeployments(ks)
                .optSoftware(false);
        for (SparsityMode mode : List.of(SparsityMode.LS, SparsityMode.LS_RS)) {
            b.addConfiguration(mode.jsonKey(), plan.base().withSparsity(mode));
        }
        StudyResult study = b.build().run(plan.progress());
        return new SparsityComparison(ks, none, figures(study, SparsityMode.LS), figures(study, SparsityMode.LS_RS));
    }

    private SparsityComparison.ModeFigures figures(StudyResult study, SparsityMode mode) {
        StudyCell cell = study.cell(mode.jsonKey(), plan.seconds());
        double seconds = cell.deployments().stream()
                .mapToDouble(r -> r.programmingSeconds() + r.evaluationSeconds()).sum();
        return SparsityComparison.ModeFigures.of(cell.raw(), seconds, cell.firstEnsemblingLayer());
    }
}
