package org.bayes2imc.imc;

import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.device.SynapseEncoding;
import org.bayes2imc.io.InvalidSetting;
import org.bayes2imc.sparsity.SparsityMode;

/**
 * Every setting of a hardware deployment study (docs/MODEL.md §5–§8), immutable and nested by concern, in the
 * style of aihwkit's simulator configs: each group is its own record with documented defaults and a builder, and the
 * two strategies (device model, drift compensation) are fields holding the strategy object. A new setting goes into
 * the one group record it belongs to (and its command-line mixin); nothing here repeats a group's fields.
 *
 * @param device       the device model of the synapses and reference devices (unused by the SRAM design)
 * @param compensation drift compensation [default global reference rescaling, 64 devices per layer]
 * @param crossbar     design, array size, activation and SRAM word widths ({@link CrossbarConfig})
 * @param mapping      encoding, G_ref, SET/RESET conductances, ε ({@link MappingConfig#defaults()})
 * @param sampling     S, sampling semantics, read simulation, sparsity ({@link SamplingConfig})
 * @param engine       threads, kernels, chunk size: speed only, never results ({@link EngineConfig})
 * @param study        K, read time, design time, seed ({@link StudyConfig})
 */
public record DeployOptions(DeviceModel device, DriftCompensation compensation, CrossbarConfig crossbar,
                            MappingConfig mapping, SamplingConfig sampling, EngineConfig engine, StudyConfig study) {

    public DeployOptions {
        InvalidSetting.present("compensation", compensation);
        InvalidSetting.present("crossbar", crossbar);
        InvalidSetting.present("mapping", mapping);
        InvalidSetting.present("sampling", sampling);
        InvalidSetting.present("engine", engine);
        InvalidSetting.present("study", study);
        if (device == null && crossbar.design() == SamplerDesign.BAYES2IMC) {
            throw new InvalidSetting("device", "must be set for the bayes2imc design");
        }
    }

    /** Every group at its documented defaults, on {@code device}. */
    public static DeployOptions defaults(DeviceModel device) {
        return builder().setDevice(device).build();
    }

    /** A builder in DJL {@code Criteria} style: {@link Builder#setDevice} required, every group optional. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().setDevice(device).optCompensation(compensation).optCrossbar(crossbar).optMapping(mapping)
                .optSampling(sampling).optEngine(engine).optStudy(study);
    }

    /** Required {@code set…}, optional {@code opt…} (defaults of each group), validation in {@link #build()}. */
    public static final class Builder extends GroupsBuilder<Builder> {
        private DeviceModel device;
        private DriftCompensation compensation = DriftCompensation.DEFAULT;

        public Builder setDevice(DeviceModel v) {
            device = v;
            return this;
        }

        public Builder optCompensation(DriftCompensation v) {
            compensation = v;
            return this;
        }

        public DeployOptions build() {
            return new DeployOptions(device, compensation, crossbar, mapping, sampling, engine, study);
        }
    }

    public int devicesPerSynapse() {
        return mapping.encoding() == SynapseEncoding.DIFFERENTIAL_PAIR ? 2 : 1;
    }

    // Flat read access to the groups' fields: the names every study and command used before the nesting.

    public SamplerDesign design() { return crossbar.design(); }
    public int arraySize() { return crossbar.arraySize(); }
    public int activationBits() { return crossbar.activationBits(); }
    public int sramBits() { return crossbar.sramBits(); }
    public int samples() { return sampling.samples(); }
    public CoreSamplingSemantics semantics() { return sampling.semantics(); }
    public ReadNoiseMode readNoise() { return sampling.readNoise(); }
    public boolean literalReads() { return sampling.literalReads(); }
    public SampleStreams sampleStreams() { return sampling.sampleStreams(); }
    public SparsityMode sparsity() { return sampling.sparsity(); }
    public int firstEnsemblingLayer() { return sampling.firstEnsemblingLayer(); }
    /** Worker threads to start (0 in the engine settings resolved to the available processors). */
    public int threads() { return engine.workerThreads(); }
    public KernelChoice kernel() { return engine.kernel(); }
    public int chunkImages() { return engine.chunkImages(); }
    public boolean reuseDeterministic() { return engine.reuseDeterministic(); }
    public int deployments() { return study.deployments(); }
    public double seconds() { return study.seconds(); }
    /** The design read time t_d of the mapping. */
    public double mappingSeconds() { return study.resolvedDesignSeconds(); }
    public long seed() { return study.seed(); }

    // One-setting changes, each through its group's builder (nothing repeats the full field list).

    public DeployOptions withDevice(DeviceModel v) { return toBuilder().setDevice(v).build(); }
    public DeployOptions withCompensation(DriftCompensation v) { return toBuilder().optCompensation(v).build(); }
    public DeployOptions withMapping(MappingConfig v) { return toBuilder().optMapping(v).build(); }
    public DeployOptions withCrossbar(CrossbarConfig v) { return toBuilder().optCrossbar(v).build(); }
    public DeployOptions withSampling(SamplingConfig v) { return toBuilder().optSampling(v).build(); }
    public DeployOptions withEngine(EngineConfig v) { return toBuilder().optEngine(v).build(); }
    public DeployOptions withStudy(StudyConfig v) { return toBuilder().optStudy(v).build(); }
    public DeployOptions withDesign(SamplerDesign v) { return withCrossbar(crossbar.toBuilder().optDesign(v).build()); }
    public DeployOptions withArraySize(int v) { return withCrossbar(crossbar.toBuilder().optArraySize(v).build()); }
    public DeployOptions withActivationBits(int v) { return withCrossbar(crossbar.toBuilder().optActivationBits(v).build()); }
    public DeployOptions withSramBits(int v) { return withCrossbar(crossbar.toBuilder().optSramBits(v).build()); }
    public DeployOptions withSamples(int v) { return withSampling(sampling.toBuilder().optSamples(v).build()); }
    public DeployOptions withSemantics(CoreSamplingSemantics v) { return withSampling(sampling.toBuilder().optSemantics(v).build()); }
    public DeployOptions withReadNoise(ReadNoiseMode v) { return withSampling(sampling.toBuilder().optReadNoise(v).build()); }
    public DeployOptions withLiteralReads(boolean v) { return withSampling(sampling.toBuilder().optLiteralReads(v).build()); }
    public DeployOptions withSampleStreams(SampleStreams v) { return withSampling(sampling.toBuilder().optSampleStreams(v).build()); }
    public DeployOptions withSparsity(SparsityMode v) { return withSampling(sampling.toBuilder().optSparsity(v).build()); }
    public DeployOptions withFirstEnsemblingLayer(int v) { return withSampling(sampling.toBuilder().optFirstEnsemblingLayer(v).build()); }
    public DeployOptions withThreads(int v) { return withEngine(engine.toBuilder().optThreads(v).build()); }
    public DeployOptions withKernel(KernelChoice v) { return withEngine(engine.toBuilder().optKernel(v).build()); }
    public DeployOptions withChunkImages(int v) { return withEngine(engine.toBuilder().optChunkImages(v).build()); }
    public DeployOptions withReuseDeterministic(boolean v) { return withEngine(engine.toBuilder().optReuseDeterministic(v).build()); }
    public DeployOptions withDeployments(int v) { return withStudy(study.toBuilder().optDeployments(v).build()); }
    public DeployOptions withSeconds(double v) { return withStudy(study.toBuilder().optSeconds(v).build()); }
    public DeployOptions withMappingSeconds(double v) { return withStudy(study.toBuilder().optDesignSeconds(v).build()); }
    public DeployOptions withSeed(long v) { return withStudy(study.toBuilder().optSeed(v).build()); }
}
