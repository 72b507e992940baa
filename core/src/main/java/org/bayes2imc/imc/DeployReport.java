package org.bayes2imc.imc;

import org.bayes2imc.model.CrossbarTiling;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.metrics.EvaluationResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of a deployment study (issue 3 item 4): the software ensemble's metrics, every deployment's figures,
 * and the array/work accounting of the deployed core, with its JSON in the docs/RESULTS.md {@code hardware} shape.
 */
public record DeployReport(DeployOptions options, org.bayes2imc.model.Architecture architecture, int firstEnsemblingLayer, EvaluationResult software,
                           List<DeploymentFigures> deployments, int arrays, long sharedMacsPerImage,
                           long memberMacsPerImage, int images, double softwareSeconds, double hardwareSeconds) {

    /** Metric keys summarised across deployments (the numeric figures of {@link EvaluationResult#toJson()}). */
    public List<String> metricKeys() {
        return DeploymentSummary.metricKeys(software);
    }

    /** The spread of one metric over deployments. */
    public Spread spread(String key) {
        return DeploymentSummary.spread(metrics(), key);
    }

    private List<EvaluationResult> metrics() {
        return deployments.stream().map(DeploymentFigures::metrics).toList();
    }

    /** The array tiling of every layer: devices per synapse for PCM, b bit cells per synapse for SRAM. */
    public List<CrossbarTiling> layers() {
        List<CrossbarTiling> out = new ArrayList<>();
        for (var l : architecture.layers()) {
            out.add(new CrossbarTiling(l, options.arraySize(), options.arraySize(),
                    options.design() == SamplerDesign.SRAM ? options.sramBits() : options.devicesPerSynapse()));
        }
        return out;
    }

    /** Images per second of the hardware simulation (test + OOD images over all deployments). */
    public double imagesPerSecond() {
        return hardwareSeconds > 0 ? (double) images * deployments.size() / hardwareSeconds : Double.NaN;
    }

    /** The {@code hardware} object of results.json. */
    public ObjectNode hardwareJson() {
        ObjectNode h = Json.object();
        h.put("deployments", deployments.size());
        h.put("time_seconds", options.seconds());
        h.put("device", options.design() == SamplerDesign.SRAM ? "sram" : options.device().name());
        h.put("design", options.design().name().toLowerCase(java.util.Locale.ROOT));
        h.put("compensation", options.compensation().id());
        h.put("sparsity", options.sparsity().label());
        h.put("samples", options.samples());
        for (String k : metricKeys()) {
            h.set(k, spread(k).toJson());
        }
        ArrayNode per = h.putArray("per_deployment");
        for (DeploymentFigures f : deployments) {
            ObjectNode m = f.metrics().toJson();
            m.remove("reliability");
            m.remove("reliability_calibrated");
            m.remove("histograms");
            m.put("deployment", f.index());
            m.put("reference_devices", f.referenceDevices());
            m.put("seconds", f.seconds());
            ArrayNode plans = m.putArray("layer_plans");
            f.layerPlans().forEach(plans::add);
            per.add(m);
        }
        h.set("reliability", pooledReliabilityJson());
        h.put("arrays", arrays);
        ArrayNode perLayer = h.putArray("arrays_per_layer");
        for (var l : layers()) {
            ObjectNode row = perLayer.addObject();
            row.put("layer", l.layer().index());
            row.put("arrays", l.arrays());
            row.put("row_blocks", l.rowBlocks());
            row.put("column_blocks", l.columnBlocks());
            row.put("utilisation", l.utilisation());
        }
        h.put("shared_macs_per_image", sharedMacsPerImage);
        h.put("member_macs_per_image", memberMacsPerImage);
        h.put("seconds", hardwareSeconds);
        h.put("images_per_second", imagesPerSecond());
        return h;
    }

    /** The reliability diagram pooled over deployments. */
    public ArrayNode pooledReliabilityJson() {
        return DeploymentSummary.pooledReliability(metrics());
    }

    /** Settings that produced the figures. */
    public ObjectNode settingsJson() {
        DeployOptions o = options;
        ObjectNode s = Json.object();
        s.put("design", o.design().name().toLowerCase(java.util.Locale.ROOT));
        s.put("device", o.device() == null ? null : o.device().name());
        s.put("encoding", o.mapping().encoding().name().toLowerCase(java.util.Locale.ROOT));
        s.put("reference_conductance_us", o.mapping().referenceMicroSiemens());
        s.put("set_conductance_us", o.mapping().setMicroSiemens());
        s.put("reset_conductance_us", o.mapping().resetMicroSiemens());
        s.put("epsilon", o.mapping().epsilon());
        s.put("mapping_time_seconds", o.mappingSeconds());
        s.put("compensation", o.compensation().id());
        s.put("array_size", o.arraySize());
        s.put("activation_bits", o.activationBits());
        s.put("sram_bits", o.sramBits());
        s.put("samples", o.samples());
        s.put("deployments", o.deployments());
        s.put("time_seconds", o.seconds());
        s.put("sparsity", o.sparsity().label());
        s.put("first_ensembling_layer", firstEnsemblingLayer);
        s.put("sampling_semantics", o.semantics().name().toLowerCase(java.util.Locale.ROOT));
        s.put("read_noise", o.readNoise().name().toLowerCase(java.util.Locale.ROOT));
        s.put("literal_reads", o.literalReads());
        s.put("chunk_images", o.chunkImages());
        s.put("seed", o.seed());
        s.put("threads", o.threads());
        s.put("reuse_deterministic", o.reuseDeterministic());
        s.put("kernel", o.kernel().name().toLowerCase(java.util.Locale.ROOT));
        s.put("sample_streams", o.sampleStreams().name().toLowerCase(java.util.Locale.ROOT));
        return s;
    }
}
