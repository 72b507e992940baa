package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.study.DeploymentStudy;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyCell;
import org.bayes2imc.study.StudyResult;

/**
 * The demo's hardware study: K deployments at {@link DemoPlan#TIME_SECONDS}, raw and logit-corrected, with the
 * Monte-Carlo floor that splits their spread (docs/MODEL.md §5–§7). Output: {@code hardware},
 * {@code hardware_corrected}, {@code spread_decomposition} and {@code evaluation_seconds} (the test and OOD passes).
 */
public record HardwareStep(DemoPlan plan) implements DemoStep<JsonNode> {
    public static final String NAME = "hardware";

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
        return plan.hardwareKey();
    }

    @Override
    public JsonNode run() {
        // On the full test and OOD sets the software step already holds the software ensemble: not run twice.
        boolean sameAsSoftware = plan.hardwareTest().size() == plan.test().size()
                && plan.hardwareOod().size() == plan.ood().size();
        StudyResult study = Study.builder().setModel(plan.model()).setTest(plan.hardwareTest())
                .optOod(plan.hardwareOod()).setCalibration(plan.calibration()).addConfiguration(plan.base())
                .optTimes(DemoPlan.TIME_SECONDS).optCorrection(plan.correction()).optSoftware(!sameAsSoftware)
                .optFloor(plan.floorDeployments()).build().run(plan.progress());
        StudyCell cell = study.only();
        DeploymentStudy.Result r = DeploymentStudy.Result.of(cell, study.software());
        ObjectNode o = Json.object();
        o.put("evaluation_seconds", r.evaluationSeconds());
        o.set("hardware", r.hardwareJson().put("time_seconds", DemoPlan.TIME_SECONDS).put("device", DemoPlan.DEVICE));
        o.set("hardware_corrected", r.correctedJson().put("time_seconds", DemoPlan.TIME_SECONDS)
                .put("device", DemoPlan.DEVICE));
        o.set("spread_decomposition", cell.spreadDecomposition().toJson()
                .put("floor_deployments", plan.floorDeployments()));
        return o;
    }
}
