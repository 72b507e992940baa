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
            one("reliability", ReliabilityFigure::build),
            one("deployments", DeploymentFigure::build),
            one("drift", DriftFigure::build),
            one("sparsity-layers", SparsityFigures::layers),
            one("p-histogram", SparsityFigures::pHistogram),
            one("uncertainty", UncertaintyFigure::build),
            new Maker("ppa-breakdown", PpaFigures::breakdowns),
            one("ppa-comparison", PpaFigures::comparison));

    private record Maker(String id, Function<Results, List<Figure>> make) {
    }

    private static Maker one(String id, Function<Results, Optional<Figure>> make) {
        return new Maker(id, r -> make.apply(r).map(List::of).orElse(List.of()));
    }

    private Figures() {
    }

    static Drawn draw(Results r) {
        List<Figure> figures = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Maker m : MAKERS) {
            try {
                figures.addAll(m.make().apply(r));
            } catch (RuntimeException e) {
                failures.add(new Failure(m.id(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new Drawn(figures, failures);
    }
}
