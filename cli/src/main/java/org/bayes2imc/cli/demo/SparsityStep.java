package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.io.Json;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.study.DeploymentRow;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyCell;
import org.bayes2imc.study.StudyResult;

import java.util.List;

/**
 * The sampling-sparsity comparison on hardware (docs/MODEL.md §8): the first deployments of the hardware study read
 * with the full ensemble (none, taken from the hardware step: same cores, seeds and images), with layer sparsity
 * (ls) and with layer and row sparsity (ls+rs). Output: {@code sparsity_deploy}.
 *
 * @param hardware                  the hardware step's {@code hardware} object (its per-deployment figures)
 * @param hardwareEvaluationSeconds the hardware step's test and OOD seconds over all K deployments
 */
public record SparsityStep(DemoPlan plan, JsonNode hardware, double hardwareEvaluationSeconds) implements DemoStep<JsonNode> {
    public static final String NAME = "sparsity_deploy";
    /** The figures compared. */
    public static final List<String> METRICS = List.of("accuracy", "ece", "ece_calibrated", "nll", "nll_calibrated",
            "brier", "ood_auroc_entropy", "ood_auroc_mi");
    private static final List<SparsityMode> MODES = List.of(SparsityMode.LS, SparsityMode.LS_RS);

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
        return plan.hardwareKey().put("sparsity_modes", "none,ls,ls+rs")
                .put("sparsity_deployments", plan.sparsityDeployments());
    }

    @Override
    public JsonNode run() {
        ObjectNode o = Json.object();
        int ks = Math.min(plan.deployments(), plan.sparsityDeployments());
        o.put("deployments", ks);
        ObjectNode none = o.putObject("none");
        JsonNode hwPer = hardware.path("per_deployment");
        for (String k : METRICS) {
            double[] v = new double[ks];
            boolean present = true;
            for (int i = 0; i < ks; i++) {
                JsonNode x = hwPer.path(i).path(k);
                present &= x.isNumber();
                v[i] = x.asDouble();
            }
            none.set(k, present ? Spread.of(v).toJson() : hardware.path(k));
        }
        none.put("seconds", hardwareEvaluationSeconds * ks / plan.deployments());
        Study.Builder b = Study.builder().setModel(plan.model()).setTest(plan.hardwareTest()).optOod(plan.hardwareOod())
                .setCalibration(plan.calibration()).optTimes(DemoPlan.TIME_SECONDS).optDeployments(ks)
                .optSoftware(false);
        MODES.forEach(mode -> b.addConfiguration(mode.jsonKey(), plan.base().withSparsity(mode)));
        StudyResult study = b.build().run(plan.progress());
        for (SparsityMode mode : MODES) {
            StudyCell cell = study.cell(mode.jsonKey(), DemoPlan.TIME_SECONDS);
            ObjectNode m = o.putObject(mode.jsonKey());
            for (String k : METRICS) {
                m.set(k, DeploymentSummary.spread(cell.raw(), k).toJson());
            }
            m.put("seconds", cell.deployments().stream()
                    .mapToDouble(r -> r.programmingSeconds() + r.evaluationSeconds()).sum());
            m.put("first_ensembling_layer", cell.firstEnsemblingLayer());
            ArrayNode acc = m.putArray("per_deployment_accuracy");
            cell.deployments().stream().map(DeploymentRow::raw).forEach(e -> acc.add(e.accuracy()));
        }
        return o;
    }
}
