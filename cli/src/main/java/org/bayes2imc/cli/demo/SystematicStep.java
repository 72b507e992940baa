package org.bayes2imc.cli.demo;

import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.NoCompensation;
import org.bayes2imc.study.DeploymentStudy;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyCell;
import org.bayes2imc.study.StudyResult;

/**
 * The systematic-variation scenario (docs/MODEL.md §7): the hardware study read after drift without compensation,
 * mapped for the plan's design time (by default {@link DemoPlan#TIME_SECONDS}), raw and corrected, with its floor.
 * Measured on the demo model (2,000 images, K = 10): at 1 h deployments differ in NLL but their accuracy spread is the Monte-Carlo floor; by 1 day the
 * drift makes them differ in accuracy too, which the correction removes. Output: {@link SystematicSection}.
 */
public record SystematicStep(DemoPlan plan) implements DemoStep<SystematicSection> {
    public static final String NAME = "systematic";
    private static final String COMPENSATION = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SystematicSection> type() {
        return SystematicSection.class;
    }

    @Override
    public StepKeys.Systematic settings() {
        return new StepKeys.Systematic(plan.hardwareKey(), plan.systematicTest().size(), plan.systematicSeconds(),
                COMPENSATION);
    }

    @Override
    public SystematicSection run() {
        DeployOptions so = plan.base().withCompensation(new NoCompensation()).withSeconds(plan.systematicSeconds());
        StudyResult study = Study.builder().setModel(plan.model()).optShared(plan.shared()).setTest(plan.systematicTest())
                .setCalibration(plan.calibration()).addConfiguration(so).optTimes(plan.systematicSeconds())
                .optCorrection(plan.correction()).optFloor(plan.floorDeployments()).build().run(plan.progress());
        StudyCell cell = study.only();
        DeploymentStudy.Result r = DeploymentStudy.Result.of(cell, study.software());
        return new SystematicSection(plan.systematicSeconds(), so.mappingSeconds(), COMPENSATION,
                plan.systematicTest().size(), plan.deployments(), r.hardware(), r.hardwareCorrected(),
                cell.spreadDecomposition().withFloorDeployments(plan.floorDeployments()));
    }
}
