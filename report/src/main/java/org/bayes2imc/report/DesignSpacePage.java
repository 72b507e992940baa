package org.bayes2imc.report;

import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The design-space page of a sweep (docs/SWEEP.md "Report"), built from {@code sweep.csv} alone: Pareto fronts
 * (accuracy vs energy per image, calibrated ECE vs energy, accuracy at the longest read time vs area) with the
 * non-dominated cells marked and labelled, one sensitivity plot per swept axis, and the table of every cell,
 * sortable by any column (the page's one inline script; no outside resources).
 */
public final class DesignSpacePage {
    public static final String FILE = "design-space.html";
    private static final double TEN_YEARS_SECONDS = 10 * 365.25 * 86400;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private DesignSpacePage() {
    }

    /** True when {@code dir} holds a sweep's table. */
    public static boolean applies(Path dir) {
        return Files.isRegularFile(dir.resolve(SweepCsv.FILE));
    }

    /** Reads {@code dir/sweep.csv}, writes {@code dir/design-space.html}, returns its path. */
    public static Path build(Path dir) {
        return render(dir).page();
    }

    /** The written page and its Pareto-front figures (the main report shows them beside a link to the page). */
    record Built(Path page, List<Figure> fronts) {
    }

    static Built render(Path dir) {
        Path csvFile = dir.resolve(SweepCsv.FILE);
        if (!Files.isRegularFile(csvFile)) {
            throw new InputException(csvFile, "missing: not a sweep's output folder (bayes2imc sweep FILE --out DIR)");
        }
        SweepCsv csv = SweepCsv.read(csvFile);
        for (String c : List.of("index", "status", "accuracy_mean", "energy_per_image_uj", "area_mm2")) {
            if (!csv.columns().contains(c)) {
                throw new InputException(csvFile, "column " + c + " missing: not a sweep table");
            }
        }
        List<Map<String, String>> ok = csv.rows().stream().filter(r -> "ok".equals(r.get("status"))).toList();
        List<String> axes = axes(csv);

        List<DesignSpaceFigures.Front> fronts = new ArrayList<>();
        DesignSpaceFigures.front("pareto-accuracy-energy", "Accuracy vs energy per image",
                "Every cell's mean accuracy over its K deployments against the PPA energy per image of the same "
                        + "configuration; the non-dominated cells (no other cell both more accurate and cheaper) are joined "
                        + "and labelled with their cell index (table below).", ok, "energy_per_image_uj",
                "energy per image (\u00b5J)", "accuracy_mean", "accuracy (%)", 100, true).ifPresent(fronts::add);
        DesignSpaceFigures.front("pareto-ece-energy", "Calibrated ECE vs energy per image",
                "Mean ECE at the model's calibration temperature against energy per image; lower is better on both "
                        + "axes; non-dominated cells joined and labelled.", ok, "energy_per_image_uj", "energy per image (\u00b5J)",
                "ece_calibrated_mean", "ECE, calibrated", 1, false).ifPresent(fronts::add);
        double longest = ok.stream().mapToDouble(r -> SweepCsv.number(r, "time_seconds")).filter(Double::isFinite).max().orElse(Double.NaN);
        if (Double.isFinite(longest)) {
            List<Map<String, String>> late = ok.stream().filter(r -> SweepCsv.number(r, "time_seconds") == longest).toList();
            String when = Math.abs(longest - TEN_YEARS_SECONDS) < 1 ? "10 years" : Format.duration(longest);
            DesignSpaceFigures.front("pareto-accuracy-area", "Accuracy at " + when + " vs area",
                    "Mean accuracy read " + when + " after programming (the sweep's longest read time) against the "
                            + "core's area; non-dominated cells joined and labelled.", late, "area_mm2", "area (mm\u00b2)",
                    "accuracy_mean", "accuracy (%)", 100, true).ifPresent(fronts::add);
        }
        List<Figure> figures = new ArrayList<>(DesignSpaceFigures.figures(fronts));
        for (String axis : axes) {
            DesignSpaceFigures.sensitivity(axis, ok).ifPresent(figures::add);
        }
        Path page = dir.resolve(FILE);
        AtomicFiles.writeString(page, DesignSpaceHtml.render(csv, axes, fronts, figures));
        return new Built(page, DesignSpaceFigures.figures(fronts));
    }

    /** The swept axes: setting columns (between model and status) and the model, where cells differ. */
    static List<String> axes(SweepCsv csv) {
        List<String> cols = csv.columns();
        int from = cols.indexOf("model");
        int to = cols.indexOf("status");
        List<String> out = new ArrayList<>();
        for (int c = from; c >= 0 && c < to; c++) {
            String col = cols.get(c);
            Set<String> values = new LinkedHashSet<>();
            csv.rows().forEach(r -> values.add(r.get(col)));
            if (values.size() > 1) {
                out.add(col);
            }
        }
        return out;
    }

    static Optional<DesignSpaceFigures.Front> front(List<DesignSpaceFigures.Front> fronts, String id) {
        return fronts.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
