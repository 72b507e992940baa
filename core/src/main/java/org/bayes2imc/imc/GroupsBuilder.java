package org.bayes2imc.imc;

import org.bayes2imc.device.MappingConfig;

/**
 * The five setting groups that {@link DeployOptions} and {@code config.ExperimentConfig} share (crossbar, mapping,
 * sampling, engine, study): each optional ({@code opt…}) at its documented defaults, so their builders declare only
 * what differs (the device and compensation strategies or their descriptions).
 *
 * @param <B> the concrete builder, returned by every {@code opt…} for chaining
 */
public abstract class GroupsBuilder<B extends GroupsBuilder<B>> {
    protected CrossbarConfig crossbar = CrossbarConfig.defaults();
    protected MappingConfig mapping = MappingConfig.defaults();
    protected SamplingConfig sampling = SamplingConfig.defaults();
    protected EngineConfig engine = EngineConfig.defaults();
    protected StudyConfig study = StudyConfig.defaults();

    public B optCrossbar(CrossbarConfig v) {
        crossbar = v;
        return self();
    }

    public B optMapping(MappingConfig v) {
        mapping = v;
        return self();
    }

    public B optSampling(SamplingConfig v) {
        sampling = v;
        return self();
    }

    public B optEngine(EngineConfig v) {
        engine = v;
        return self();
    }

    public B optStudy(StudyConfig v) {
        study = v;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
