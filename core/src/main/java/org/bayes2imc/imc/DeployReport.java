package org.bayes2imc.imc;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.metrics.Metric;
import org.bayes2imc.metrics.Metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of a deployment study (issue 3 item 4): the software ensemble's metrics, every deployment's figures,
 * and the array/work accounting of the deployed core, with its JSON in the docs/RESULTS.md {@code hardware} shape.
 */
public record DeployReport(DeployOptions options, org.bayes2imc.model.Architecture architecture, int firstEnsemblingLayer, EvaluationResult software,
                           List<DeploymentFigures> deployments, int arrays, long sharedMacsPerImage,
                           long memberMacsPerImage, int images, double softwareSeconds, double hardwareSeconds) {

    /** The spread of one metric over deployments. */
    public Spread spread(Metric metric) {
        return DeploymentSummary.spread(metrics(), metric);
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
    public DeployHardware hardware() {
        List<EvaluationResult> m = metrics();
        List<Metrics> per = deployments.stream().map(f -> f.metrics().metrics().asDeployment(f.index(),
                f.referenceDevices(), f.seconds(), f.layerPlans())).toList();
        List<DeployHardware.LayerArrays> perLayer = layers().stream().map(l -> new DeployHardware.LayerArrays(
                l.layer().index(), l.arrays(), l.rowBlocks(), l.columnBlocks(), l.utilisation())).toList();
        return new DeployHardware(deployments.size(), options.seconds(),
                options.design() == SamplerDesign.SRAM ? "sram" : options.device().name(),
                options.design().name().toLowerCase(java.util.Locale.ROOT), options.compensation().id(),
                options.sparsity().label(), options.samples(), spread(Metric.ACCURACY), spread(Metric.NLL),
                spread(Metric.BRIER), spread(Metric.ECE), spread(Metric.ENTROPY_MEAN), spread(Metric.ALEATORIC_MEAN),
                spread(Metric.EPISTEMIC_MEAN), spread(Metric.ACCURACY_CALIBRATED), spread(Metric.NLL_CALIBRATED),
                spread(Metric.BRIER_CALIBRATED), spread(Metric.ECE_CALIBRATED), spread(Metric.OOD_AUROC_ENTROPY),
                spread(Metric.OOD_AUPR_ENTROPY), spread(Metric.OOD_FPR95_ENTROPY), spread(Metric.OOD_AUROC_MI),
                spread(Metric.OOD_AUPR_MI), spread(Metric.OOD_FPR95_MI), per,
                DeploymentSummary.pooledReliability(m, EvaluationResult::reliability), arrays, perLayer,
                sharedMacsPerImage, memberMacsPerImage, hardwareSeconds, imagesPerSecond());
    }

    /** The deployment settings that produced the figures (the {@code settings} of results.json, less the inputs). */
    public DeploySettings settings() {
        DeployOptions o = options;
        return new DeploySettings(o.design().name().toLowerCase(java.util.Locale.ROOT),
                o.device() == null ? null : o.device().name(),
                o.mapping().encoding().name().toLowerCase(java.util.Locale.ROOT), o.mapping().referenceMicroSiemens(),
                o.mapping().setMicroSiemens(), o.mapping().resetMicroSiemens(), o.mapping().epsilon(),
                o.mappingSeconds(), o.mapping().targetNoise().cliName(), o.compensation().id(), o.arraySize(), o.activationBits(), o.sramBits(),
                o.samples(), o.deployments(), o.seconds(), o.sparsity().label(), firstEnsemblingLayer,
                o.semantics().name().toLowerCase(java.util.Locale.ROOT),
                o.readNoise().name().toLowerCase(java.util.Locale.ROOT), o.literalReads(), o.chunkImages(), o.seed(),
                o.threads(), o.reuseDeterministic(), o.kernel().name().toLowerCase(java.util.Locale.ROOT),
                o.sampleStreams().name().toLowerCase(java.util.Locale.ROOT));
    }
}
