package org.bayes2imc.cli.demo;

import org.bayes2imc.infer.SoftwareEnsemble;
import org.bayes2imc.infer.SoftwareEvaluation;

/**
 * The ideal software evaluation of the demo model (docs/MODEL.md §4): mode network and S-member ensemble on the whole
 * test and OOD sets. Output: results.json {@code software}.
 */
public record SoftwareStep(DemoPlan plan) implements DemoStep<SoftwareEvaluation.SoftwareResults> {
    public static final String NAME = "software";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SoftwareEvaluation.SoftwareResults> type() {
        return SoftwareEvaluation.SoftwareResults.class;
    }

    @Override
    public StepKeys.Software settings() {
        return plan.softwareKey();
    }

    @Override
    public SoftwareEvaluation.SoftwareResults run() {
        SoftwareEnsemble.Settings settings = SoftwareEnsemble.Settings.of(plan.samples(), plan.seed());
        // through the shared work: later steps on the first images (e.g. the systematic scenario) take these logits
        return SoftwareEvaluation.run(plan.model(), plan.test(), plan.ood(),
                d -> plan.shared().softwareLogits(d, settings, plan.progress()), plan.progress()).results();
    }
}
