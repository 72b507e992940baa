package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.NoCompensation;
import org.bayes2imc.io.Json;
import org.bayes2imc.study.DeploymentStudy;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyCell;
import org.bayes2imc.study.StudyResult;

/**
 * The systematic-variation scenario (docs/MODEL.md §7): the hardware study read after drift without compensation,
 * mapped for {@link DemoPlan#TIME_SECONDS}, raw and corrected, with its floor. Measured on the demo model (2,000
 * images, K = 10): at 1 h deployments differ in NLL but their accuracy spread is the Monte-Carlo floor; by 1 day the
 * drift makes them differ in accuracy too, which the correction removes.
 */
public record SystematicStep(DemoPlan plan) implements DemoStep<JsonNode> {
    public static final String NAME = "systematic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<JsonNode> type() {
        return JsonNode.class;
    }

    @Override
    public JsonNode settings() {
        return plan.hardwareKey().put("systematic_images", plan.systematicTest().size())
                .put("systematic_time_seconds", plan.systematicSeconds()).put("systematic_compensation", "none");
    }

    @Override
    public JsonNode run() {
        DeployOptions so = plan.base().withCompensation(new NoCompensation()).withSeconds(plan.systematicSeconds());
        StudyResult study = Study.builder().setModel(plan.model()).setTest(plan.systematicTest())
                .setCalibration(plan.calibration()).addConfiguration(so).optTimes(plan.systematicSeconds())
                .optCorrection(plan.correction()).optFloor(plan.floorDeployments()).build().run(plan.progress());
        StudyCell cell = study.only();
        DeploymentStudy.Result r = DeploymentStudy.Result.of(cell, study.software());
        ObjectNode o = Json.object();
        o.put("time_seconds", plan.systematicSeconds()).put("design_time_seconds", so.mappingSeconds())
                .put("compensation", "none").put("images", plan.systematicTest().size())
                .put("deployments", plan.deployments());
        o.set("hardware", r.hardwareJson());
        o.set("hardware_corrected", r.correctedJson());
        o.set("spread_decomposition", cell.spreadDecomposition().toJson()
                .put("floor_deployments", plan.floorDeployments()));
        return o;
    }
}
