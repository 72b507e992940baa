package org.bayes2imc.study;

import org.bayes2imc.imc.DeployReport;
import org.bayes2imc.imc.DeploymentFigures;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.model.Architecture;

import java.util.List;

/**
 * What a {@link Study} gave: the ideal software ensemble on the same images (null when not asked for) and one
 * {@link StudyCell} per (configuration, time), configurations in the order added, times ascending as given.
 *
 * @param images          test plus OOD images read by each deployment
 * @param softwareSeconds seconds of the software evaluation
 */
public record StudyResult(Architecture architecture, EvaluationResult software, List<Configuration> configurations,
                          List<StudyCell> cells, int images, double softwareSeconds) {

    /** The cell of a configuration at a time. */
    public StudyCell cell(String configuration, double seconds) {
        return cells.stream().filter(c -> c.configuration().equals(configuration) && c.seconds() == seconds)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no cell (" + configuration + ", "
                        + seconds + " s) in this study"));
    }

    /** The only cell of a one-configuration, one-time study. */
    public StudyCell only() {
        if (cells.size() != 1) {
            throw new IllegalStateException("the study has " + cells.size() + " cells, not one");
        }
        return cells.get(0);
    }

    /** A one-configuration, one-time study as the deploy command's report (the {@code hardware} shape of results.json). */
    public DeployReport deployReport() {
        StudyCell c = only();
        List<DeploymentFigures> figures = c.deployments().stream().map(r -> new DeploymentFigures(r.index(), r.raw(),
                r.referenceDevices(), r.layerPlans(), r.programmingSeconds() + r.evaluationSeconds(), r.logits(),
                r.oodLogits())).toList();
        double hardwareSeconds = c.deployments().stream()
                .mapToDouble(r -> r.programmingSeconds() + r.evaluationSeconds()).sum();
        return new DeployReport(configurations.get(0).options().withSeconds(c.seconds()), architecture,
                c.firstEnsemblingLayer(), software, figures, c.arrays(), c.sharedMacsPerImage(), c.memberMacsPerImage(),
                images, softwareSeconds, hardwareSeconds);
    }
}
