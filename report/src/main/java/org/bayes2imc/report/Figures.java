package org.bayes2imc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The report's plots in reading order; each is drawn only when its sections exist in results.json. */
final class Figures {
    /** A plot that could not be drawn from a malformed section: the report says so instead of failing. */
    record Failure(String id, String message) {
    }

    record Drawn(List<Figure> figures, List<Failure> failures) {
    }

    private static final List<Maker> MAKERS = List.of(
            new Maker("reliability", ReliabilityFigure::build),
            new Maker("deployments", DeploymentFigure::build),
            new Maker("drift", DriftFigure::build),
            new Maker("sparsity-layers", SparsityFigures::layers),
            new Maker("p-histogram", SparsityFigures::pHistogram),
            new Maker("uncertainty", UncertaintyFigure::build),
            new Maker("ppa-breakdown", PpaFigures::breakdown),
            new Maker("ppa-comparison", PpaFigures::comparison));

    private record Maker(String id, Function<Results, Optional<Figure>> make) {
    }

    private Figures() {
    }

    static Drawn draw(Results r) {
        List<Figure> figures = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Maker m : MAKERS) {
            try {
                m.make().apply(r).ifPresent(figures::add);
            } catch (RuntimeException e) {
                failures.add(new Failure(m.id(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new Drawn(figures, failures);
    }
}
