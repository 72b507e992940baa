package org.bayes2imc.cli.demo;

import org.bayes2imc.study.DeploymentStudy;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyCell;
import org.bayes2imc.study.StudyResult;

/**
 * The demo's hardware study: K deployments at the plan's read time (by default {@link DemoPlan#TIME_SECONDS}), raw
 * and logit-corrected, with the Monte-Carlo floor that splits their spread (docs/MODEL.md §5–§7). Output: {@link HardwareSection}.
 */
public record HardwareStep(DemoPlan plan) implements DemoStep<HardwareSection> {
    public static final String NAME = "hardware";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<HardwareSection> type() {
        return HardwareSection.class;
    }

    @Override
    public StepKeys.Hardware settings() {
        return plan.hardwareKey();
    }

    @Override
    public HardwareSection run() {
        // On the full test and OOD sets the software step already holds the software ensemble: not run twice.
        boolean sameAsSoftware = plan.hardwareTest().size() == plan.test().size()
                && plan.hardwareOod().size() == plan.ood().size();
        StudyResult study = Study.builder().setModel(plan.model()).optShared(plan.shared()).setTest(plan.hardwareTest())
                .optOod(plan.hardwareOod()).setCalibration(plan.calibration()).addConfiguration(plan.base())
                .optTimes(plan.seconds()).optCorrection(plan.correction()).optSoftware(!sameAsSoftware)
                .optFloor(plan.floorDeployments()).build().run(plan.progress());
        StudyCell cell = study.only();
        DeploymentStudy.Result r = DeploymentStudy.Result.of(cell, study.software());
        return new HardwareSection(r.evaluationSeconds(), r.hardware().at(plan.seconds(), plan.base().device().name()),
                r.hardwareCorrected().at(plan.seconds(), plan.base().device().name()),
                cell.spreadDecomposition().withFloorDeployments(plan.floorDeployments()));
    }
}
