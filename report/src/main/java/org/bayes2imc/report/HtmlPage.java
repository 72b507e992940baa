package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.io.Json;
import org.bayes2imc.metrics.Metrics;
import org.bayes2imc.sparsity.SampledParameters;
import org.bayes2imc.sparsity.SparsityReport;
import org.bayes2imc.study.SparsityComparison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report page: one self-contained HTML file (inline CSS, images as data URIs, no scripts, no external
 * resources) with the summary, every plot with its caption, then the tables. Only sections present are shown.
 */
final class HtmlPage {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;background:#fff;color:#111;}
            main{max-width:1200px;margin:0 auto;padding:16px 24px 48px;}
            h1{font-size:26px;margin:8px 0 4px;} h2{font-size:21px;margin:32px 0 8px;border-bottom:1px solid #ccc;}
            h3{font-size:16px;margin:20px 0 6px;}
            .meta{color:#444;font-size:14px;margin:0 0 12px;}
            table{border-collapse:collapse;font-size:13px;margin:8px 0 16px;}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;white-space:nowrap;}
            th{background:#f2f2f2;} td.l,th.l{text-align:left;}
            figure{margin:16px 0 28px;} figure img{max-width:100%;height:auto;border:1px solid #ddd;}
            figcaption{font-size:14px;color:#333;margin-top:6px;max-width:960px;}
            nav{font-size:14px;} nav a{margin-right:12px;}
            .note{color:#8a4b00;font-size:14px;}
            .scroll{overflow-x:auto;}
            """;

    private HtmlPage() {
    }

    static String render(Results r, Figures.Drawn drawn, List<Path> csvFiles) {
        StringBuilder b = new StringBuilder(1 << 20);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // An empty data icon stops the browser from asking for /favicon.ico.
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>Bayes2IMC report").append(r.text("command").map(c -> " \u2014 " + Format.html(c)).orElse(""))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        b.append("<h1>Bayes2IMC report</h1>\n<p class=\"meta\">");
        List<String> meta = new ArrayList<>();
        r.text("command").ifPresent(c -> meta.add("command <b>" + Format.html(c) + "</b>"));
        r.text("schema_version").ifPresent(v -> meta.add("results schema v" + Format.html(v)));
        meta.add("built from " + Format.html(r.file().getFileName().toString()) + " alone");
        double total = r.number("timing", "total_seconds");
        if (Double.isFinite(total)) {
            meta.add("total run time " + Format.duration(total));
        }
        b.append(String.join(" \u00b7 ", meta)).append("</p>\n");

        nav(b, drawn.figures());
        summary(b, r);
        if (!drawn.figures().isEmpty() || !drawn.failures().isEmpty()) {
            b.append("<h2 id=\"plots\">Plots</h2>\n");
            for (Figure f : drawn.figures()) {
                b.append("<figure id=\"").append(f.id()).append("\">\n<h3>").append(Format.html(f.title()))
                        .append("</h3>\n<img id=\"img-").append(f.id()).append("\" src=\"").append(f.dataUri())
                        .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height())
                        .append("\" alt=\"").append(Format.html(f.title())).append("\">\n<figcaption>")
                        .append(Format.html(f.caption())).append("</figcaption>\n</figure>\n");
            }
            for (Figures.Failure f : drawn.failures()) {
                b.append("<p class=\"note\">Plot ").append(Format.html(f.id()))
                        .append(" could not be drawn from results.json: ").append(Format.html(f.message())).append("</p>\n");
            }
        }
        tables(b, r);
        ClaimsTable.appendTo(b, r);
        settings(b, r);
        if (!csvFiles.isEmpty()) {
            b.append("<h2 id=\"files\">Data files</h2>\n<p>Written beside this report from the same results.json: ");
            List<String> links = new ArrayList<>();
            for (Path p : csvFiles) {
                String name = Format.html(p.getFileName().toString());
                links.add("<a href=\"" + name + "\">" + name + "</a>");
            }
            b.append(String.join(", ", links)).append(".</p>\n");
        }
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void nav(StringBuilder b, List<Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        b.append("<nav>");
        for (Figure f : figures) {
            b.append("<a href=\"#").append(f.id()).append("\">").append(Format.html(f.title())).append("</a>");
        }
        b.append("</nav>\n");
    }

    private static void summary(StringBuilder b, Results r) {
        List<String[]> rows = new ArrayList<>();
        Settings s = new Settings(r);
        row(r, Metrics.class, "software", "mode").ifPresent(m -> rows.add(point("Software, mode network (w = sign \u03bb)", m)));
        row(r, Metrics.class, "software", "ensemble").ifPresent(m -> rows.add(point(
                "Software ensemble" + s.samples().map(v -> ", S = " + v).orElse(""), m)));
        row(r, DeploymentSummary.class, "hardware").ifPresent(h -> rows.add(spread("Hardware, raw"
                + s.deployments("hardware").map(k -> " (K = " + k + ")").orElse(""), h)));
        row(r, DeploymentSummary.class, "hardware_corrected").ifPresent(h -> rows.add(spread("Hardware, "
                + s.correction().orElse("logit") + "-corrected"
                + s.deployments("hardware_corrected").map(k -> " (K = " + k + ")").orElse(""), h)));
        for (String[] v : new String[][]{{"none", "no sparsity"}, {"ls", "layer sparsity (LS)"}, {"ls_rs", "LS + row sparsity"}}) {
            row(r, SparsityComparison.ModeFigures.class, "sparsity_deploy", v[0]).ifPresent(m -> rows.add(spread(
                    "Hardware, " + v[1], m.accuracy(), m.eceCalibrated(), m.ece(), m.nllCalibrated(), m.nll(), m.brier(),
                    m.oodAurocEntropy(), m.oodAurocMi())));
        }
        String sys = SpreadTable.systematicLabel(r);
        row(r, DeploymentSummary.class, "systematic", "hardware").ifPresent(h -> rows.add(spread("Hardware, " + sys, h)));
        row(r, DeploymentSummary.class, "systematic", "hardware_corrected")
                .ifPresent(h -> rows.add(spread("Hardware, " + sys + ", corrected", h)));
        List<String[]> facts = facts(r);
        if (rows.isEmpty() && facts.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"summary\">Summary</h2>\n");
        if (!rows.isEmpty()) {
            b.append("<div class=\"scroll\"><table>\n<tr><th class=\"l\">Configuration</th><th>Accuracy</th>"
                    + "<th>ECE calibrated</th><th>ECE raw</th><th>NLL calibrated</th><th>NLL raw</th><th>Brier</th>"
                    + "<th>OOD AUROC (entropy)</th><th>OOD AUROC (MI)</th></tr>\n");
            for (String[] row : rows) {
                b.append("<tr><td class=\"l\">").append(Format.html(row[0])).append("</td>");
                for (int i = 1; i < row.length; i++) {
                    b.append("<td>").append(Format.html(row[i])).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table></div>\n<p class=\"meta\">Hardware rows: mean \u00b1 sample std over deployments. "
                    + "Calibrated: logits divided by the model's temperature (fitted on the validation split), which "
                    + "the chip applies digitally to its final logits with the logit correction; raw: without it. "
                    + "ECE in 15 bins, NLL in nats.</p>\n");
            SpreadTable.append(b, r);
        }
        if (!facts.isEmpty()) {
            keyValueTable(b, "Key figures", facts);
        }
        List<String[]> steps = new ArrayList<>();
        r.section("timing", "steps").filter(JsonNode::isObject).ifPresent(st -> st.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                steps.add(new String[]{e.getKey().replaceAll("_seconds$", ""), Format.duration(e.getValue().doubleValue())});
            }
        }));
        if (!steps.isEmpty()) {
            keyValueTable(b, "Run time per step", steps);
        }
    }

    private static List<String[]> facts(Results r) {
        List<String[]> f = new ArrayList<>();
        double frac = r.number("software", "posterior", "probabilistic_fraction");
        if (Double.isFinite(frac)) {
            f.add(new String[]{"Probabilistic synapses, \u03b5 = 0.01", Format.percent(frac)});
        }
        double frac3 = r.number("software", "posterior", "probabilistic_fraction_eps_0_001");
        if (Double.isFinite(frac3)) {
            f.add(new String[]{"Probabilistic synapses, \u03b5 = 0.001", Format.percent(frac3)});
        }
        r.record(SparsityReport.class, "sparsity").ifPresent(sparsity -> {
            SampledParameters sampled = sparsity.sampledParameters();
            if (sampled != null) {
                f.add(new String[]{"Sampled parameters per member, all sampled", Format.significant(sampled.none())});
                f.add(new String[]{"Sampled parameters per member, layer sparsity", Format.significant(sampled.ls())});
                f.add(new String[]{"Sampled parameters per member, LS + row sparsity", Format.significant(sampled.lsRs())});
            }
            SparsityReport.Reductions reductions = sparsity.reductions();
            if (reductions != null) {
                reduction(f, reductions.ls(), "layer sparsity");
                reduction(f, reductions.lsRs(), "LS + row sparsity");
            }
        });
        for (String[] k : new String[][]{{"speedup_full", "Simulator speed-up vs PyTorch dense, full ensemble"},
                {"speedup_ls_rs", "Simulator speed-up vs PyTorch dense, LS + RS"}}) {
            double v = r.number("bench", k[0]);
            if (Double.isFinite(v)) {
                f.add(new String[]{k[1], Format.number(v, 2) + "\u00d7"});
            }
        }
        double total = r.number("timing", "total_seconds");
        if (Double.isFinite(total)) {
            f.add(new String[]{"Total run time", Format.duration(total)});
        }
        return f;
    }

    private static void reduction(List<String[]> facts, double reduction, String mode) {
        if (Double.isFinite(reduction)) {
            facts.add(new String[]{"Sampled-parameter reduction (1 \u2212 sampled / all), " + mode, Format.percent(reduction)});
        }
    }

    /** A present section as its record; one that is not an object still gives a row, of blanks, as before records. */
    private static <T> Optional<T> row(Results r, Class<T> type, String... path) {
        return r.section(path).map(n -> ResultRecords.read(n.isObject() ? n : Json.MAPPER.createObjectNode(), type));
    }

    private static String[] point(String name, Metrics m) {
        return new String[]{name, Format.percent(m.accuracy()),
                Format.percent(m.eceCalibrated()), Format.percent(m.ece()),
                Format.number(m.nllCalibrated(), 3), Format.number(m.nll(), 3),
                Format.number(m.brier(), 3),
                Format.number(m.oodAurocEntropy(), 3),
                Format.number(m.oodAurocMi(), 3)};
    }

    private static String[] spread(String name, DeploymentSummary m) {
        return spread(name, m.accuracy(), m.eceCalibrated(), m.ece(), m.nllCalibrated(), m.nll(), m.brier(),
                m.oodAurocEntropy(), m.oodAurocMi());
    }

    private static String[] spread(String name, Spread accuracy, Spread eceCalibrated, Spread ece, Spread nllCalibrated,
                                   Spread nll, Spread brier, Spread oodAurocEntropy, Spread oodAurocMi) {
        return new String[]{name, percent(accuracy), percent(eceCalibrated), percent(ece), number(nllCalibrated),
                number(nll), number(brier), number(oodAurocEntropy), number(oodAurocMi)};
    }

    /** An absent spread reads as NaN ± NaN, as the field-by-field read did. */
    private static String percent(Spread s) {
        return s == null ? Format.percentSpread(Double.NaN, Double.NaN) : Format.percentSpread(s.mean(), s.std());
    }

    private static String number(Spread s) {
        return s == null ? Format.spread(Double.NaN, Double.NaN, 3) : Format.spread(s.mean(), s.std(), 3);
    }

    private static void keyValueTable(StringBuilder b, String title, List<String[]> rows) {
        b.append("<h3>").append(Format.html(title)).append("</h3>\n<table>\n");
        for (String[] row : rows) {
            b.append("<tr><td class=\"l\">").append(Format.html(row[0])).append("</td><td>")
                    .append(Format.html(row[1])).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void tables(StringBuilder b, Results r) {
        List<JsonNode> sparsity = r.rows("sparsity", "layers");
        List<JsonNode> posterior = r.rows("software", "posterior", "layers");
        List<JsonNode> ppa = r.rows("ppa", "rows");
        List<JsonNode> drift = r.rows("drift");
        if (sparsity.isEmpty() && posterior.isEmpty() && ppa.isEmpty() && drift.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"tables\">Tables</h2>\n");
        if (!sparsity.isEmpty()) {
            Optional<SparsityReport> report = r.record(SparsityReport.class, "sparsity");
            arrayTable(b, "Sparsity per layer" + report.flatMap(SparsityFigures::epsilon).map(e -> " (\u03b5 = " + e + ")").orElse("")
                    + report.map(SparsityFigures::firstEnsemblingLayer).map(l -> ", ensembling from layer " + l).orElse(""),
                    "table-sparsity", sparsity);
        } else if (!posterior.isEmpty()) {
            arrayTable(b, "Probabilistic synapses per layer", "table-sparsity", posterior);
        }
        if (!ppa.isEmpty()) {
            arrayTable(b, "Power, performance and area" + PpaFigures.opsDefinition(r).map(d -> " (ops: " + d + ")").orElse(""),
                    "table-ppa", ppa);
        }
        if (!drift.isEmpty()) {
            arrayTable(b, "Drift (mean and std over deployments)", "table-drift", drift);
        }
    }

    private static void arrayTable(StringBuilder b, String title, String id, List<JsonNode> rows) {
        List<String> cols = Tables.columns(rows);
        b.append("<h3>").append(Format.html(title)).append("</h3>\n<div class=\"scroll\"><table id=\"").append(id)
                .append("\">\n<tr>");
        for (String c : cols) {
            boolean text = rows.stream().map(r -> r.get(c)).filter(v -> v != null && !v.isNull()).findFirst()
                    .map(JsonNode::isTextual).orElse(false);
            b.append(text ? "<th class=\"l\">" : "<th>").append(Format.html(c)).append("</th>");
        }
        b.append("</tr>\n");
        for (JsonNode row : rows) {
            b.append("<tr>");
            for (String c : cols) {
                JsonNode v = row.get(c);
                boolean text = v != null && v.isTextual();
                b.append(text ? "<td class=\"l\">" : "<td>").append(Format.html(Tables.readable(row, c))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static void settings(StringBuilder b, Results r) {
        Optional<JsonNode> settings = r.section("settings");
        if (settings.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"settings\">Settings</h2>\n<div class=\"scroll\"><table>\n");
        for (Map.Entry<String, String> e : Tables.flatten(settings.get())) {
            b.append("<tr><td class=\"l\">").append(Format.html(e.getKey())).append("</td><td class=\"l\">")
                    .append(Format.html(e.getValue())).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
    }
}
