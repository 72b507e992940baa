package org.bayes2imc.imc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.metrics.Calibration;
import org.bayes2imc.metrics.EvaluationResult;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Summarises one metric set per deployment into the docs/RESULTS.md {@code hardware} shape: a {@link Spread} per
 * numeric metric, the per-deployment figures, and the reliability diagram pooled over deployments.
 */
public final class DeploymentSummary {
    private DeploymentSummary() {
    }

    /** Numeric metric keys of an evaluation (counts and settings excluded). */
    public static List<String> metricKeys(EvaluationResult any) {
        List<String> keys = new ArrayList<>();
        ObjectNode o = any.toJson();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if ((e.getValue().isNumber() || e.getValue().isNull()) && !e.getKey().equals("samples")
                    && !e.getKey().equals("images") && !e.getKey().equals("ood_images")
                    && !e.getKey().equals("calibration_temperature")) {
                keys.add(e.getKey());
            }
        }
        return keys;
    }

    public static Spread spread(List<EvaluationResult> perDeployment, String key) {
        double[] v = new double[perDeployment.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = perDeployment.get(i).toJson().path(key);
            v[i] = n.isNumber() ? n.asDouble() : Double.NaN;
        }
        return Spread.of(v);
    }

    /** Spreads of every metric, per-deployment figures (without reliability) and the pooled reliability. */
    public static ObjectNode json(List<EvaluationResult> perDeployment) {
        ObjectNode h = Json.object();
        h.put("deployments", perDeployment.size());
        if (perDeployment.isEmpty()) {
            return h;
        }
        for (String k : metricKeys(perDeployment.get(0))) {
            h.set(k, spread(perDeployment, k).toJson());
        }
        ArrayNode per = h.putArray("per_deployment");
        for (int i = 0; i < perDeployment.size(); i++) {
            ObjectNode m = perDeployment.get(i).toJson();
            m.remove("reliability");
            m.remove("reliability_calibrated");
            m.remove("histograms");
            m.put("deployment", i);
            per.add(m);
        }
        h.set("reliability", pooledReliability(perDeployment, EvaluationResult::reliability));
        h.set("reliability_calibrated", pooledReliability(perDeployment, EvaluationResult::reliabilityCalibrated));
        return h;
    }

    /**
     * The reliability diagram pooled over deployments: per confidence bin the summed counts and the count-weighted
     * mean confidence and accuracy (same bins and keys as {@link EvaluationResult#toJson()}).
     */
    public static ArrayNode pooledReliability(List<EvaluationResult> perDeployment) {
        return pooledReliability(perDeployment, EvaluationResult::reliability);
    }

    /** As above for the bins {@code which} selects (raw or at the model's temperature). */
    public static ArrayNode pooledReliability(List<EvaluationResult> perDeployment,
                                              java.util.function.Function<EvaluationResult, List<Calibration.Bin>> which) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        if (perDeployment.isEmpty()) {
            return a;
        }
        List<Calibration.Bin> first = which.apply(perDeployment.get(0));
        for (int b = 0; b < first.size(); b++) {
            long count = 0;
            double conf = 0;
            double acc = 0;
            for (EvaluationResult r : perDeployment) {
                Calibration.Bin bin = which.apply(r).get(b);
                if (bin.count() > 0) {
                    count += bin.count();
                    conf += bin.count() * bin.meanConfidence();
                    acc += bin.count() * bin.accuracy();
                }
            }
            ObjectNode r = a.addObject();
            r.put("bin_lower", first.get(b).lower());
            r.put("bin_upper", first.get(b).upper());
            r.put("count", count);
            Spread.put(r, "confidence", count > 0 ? conf / count : Double.NaN);
            Spread.put(r, "accuracy", count > 0 ? acc / count : Double.NaN);
        }
        return a;
    }
}
