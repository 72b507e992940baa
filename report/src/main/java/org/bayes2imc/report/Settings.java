package org.bayes2imc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.bayes2imc.report.Results.p;

/** The run settings that captions quote (samples, deployments, device, time, ε, ...), looked up where results.json keeps them. */
final class Settings {
    private final Results r;

    Settings(Results r) {
        this.r = r;
    }

    Optional<String> samples() {
        return r.firstText(p("settings", "samples"), p("settings", "ensemble_samples"), p("software", "ensemble", "samples"));
    }

    Optional<String> deployments(String section) {
        return r.firstText(p(section, "deployments"), p(section, "0", "deployments"), p("settings", "deployments"));
    }

    Optional<String> device(String section) {
        return r.firstText(p(section, "device"), p("settings", "device"));
    }

    Optional<String> design(String section) {
        return r.firstText(p(section, "design"), p("settings", "design"));
    }

    Optional<String> timeAfterProgramming(String section) {
        double t = r.number(section, "time_seconds");
        if (!Double.isFinite(t)) {
            t = r.number("settings", "time_seconds");
        }
        return Double.isFinite(t) ? Optional.of(Format.duration(t)) : Optional.empty();
    }

    Optional<String> correction() {
        return r.firstText(p("hardware_corrected", "correction"), p("settings", "correction"));
    }

    Optional<String> dataset() {
        return r.firstText(p("settings", "dataset"));
    }

    Optional<String> oodDataset() {
        return r.firstText(p("settings", "ood_dataset"), p("settings", "ood"));
    }

    /** "a, b, c" of the present parts, each already phrased; empty parts are left out. */
    static String join(List<Optional<String>> parts) {
        List<String> present = new ArrayList<>();
        for (Optional<String> s : parts) {
            s.ifPresent(present::add);
        }
        return String.join(", ", present);
    }

    static Optional<String> phrase(String prefix, Optional<String> value) {
        return value.map(v -> prefix + v);
    }

    static Optional<String> phrase(String prefix, Optional<String> value, String suffix) {
        return value.map(v -> prefix + v + suffix);
    }
}
