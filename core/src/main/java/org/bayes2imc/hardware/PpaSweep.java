package org.bayes2imc.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.bayes2imc.model.Architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * One assumption varied over values, everything else fixed: a config key ({@link PpaConfig#KEYS}), "samples", or a
 * component figure written {@code entry.energy_pj|area_um2|latency_ns}; each point evaluates the design and, when
 * given, the compared design.
 */
public record PpaSweep(String key, List<Point> points) {

    /** One value of the swept key with its results (baseline null without --compare). */
    public record Point(double value, PpaResult subject, PpaResult baseline) {
        public PpaComparison comparison() {
            return baseline == null ? null : new PpaComparison(subject, baseline);
        }
    }

    /** The settings every point shares. */
    public record Base(Architecture architecture, Design design, Design compare, PipelineMode mode,
                       SparsityProfile sparsity, int samples, PpaConfig config, ComponentLibrary components) {
    }

    /** Parses {@code key=v1,v2,...}. */
    public static PpaSweep run(String spec, Base base) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new org.bayes2imc.io.InvalidSetting("sweep", "'" + spec + "' must read key=v1,v2,...");
        }
        String key = spec.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
        List<Double> values = new ArrayList<>();
        for (String v : spec.substring(eq + 1).split(",")) {
            try {
                values.add(Double.parseDouble(v.trim()));
            } catch (NumberFormatException e) {
                throw new org.bayes2imc.io.InvalidSetting("sweep", key + ": '" + v + "' is not a number");
            }
        }
        return run(key, values, base);
    }

    public static PpaSweep run(String key, List<Double> values, Base b) {
        List<Point> points = new ArrayList<>();
        for (double v : values) {
            PpaConfig cfg = b.config();
            ComponentLibrary lib = b.components();
            int samples = b.samples();
            if (key.equals("samples")) {
                samples = (int) Math.round(v);
                if (samples != v) {
                    throw new org.bayes2imc.io.InvalidSetting("sweep", "samples: " + v + " is not an integer");
                }
            } else if (key.contains(".")) {
                String[] parts = key.split("\\.", 2);
                lib = lib.withFigure(parts[0], parts[1], v);
            } else {
                cfg = cfg.with(key, v);
            }
            PpaResult s = PpaModel.evaluate(b.architecture(), b.design(), b.mode(), b.sparsity(), samples, cfg, lib);
            PpaResult c = b.compare() == null ? null
                    : PpaModel.evaluate(b.architecture(), b.compare(), b.mode(), b.sparsity(), samples, cfg, lib);
            points.add(new Point(v, s, c));
        }
        return new PpaSweep(key, points);
    }

    /** results.json {@code sweep}: the swept key and one point per value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String key, List<PointReport> points) {
    }

    /** One value of the sweep: the subject's row and, with a baseline, its row and the ratios. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PointReport(double value, PpaRow subject, PpaRow baseline, PpaRatios ratios) {
    }

    /** Its results.json record. */
    public Report report() {
        return new Report(key, points.stream().map(p -> new PointReport(p.value(), p.subject().toRow(),
                p.baseline() == null ? null : p.baseline().toRow(),
                p.baseline() == null ? null : p.comparison().ratios())).toList());
    }
}
