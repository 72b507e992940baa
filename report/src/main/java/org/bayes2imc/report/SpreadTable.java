package org.bayes2imc.report;

import org.bayes2imc.study.SpreadDecomposition;

import java.util.List;
import java.util.Map;

/**
 * The spread decomposition of the deployment studies (docs/MODEL.md §7, judging the correction): per figure the total spread
 * over K deployments, its Monte-Carlo floor and the deployment-induced part, raw and after the logit correction.
 */
final class SpreadTable {
    private static final List<String[]> FIGURES = List.of(new String[]{"accuracy", "Accuracy (pp)"},
            new String[]{"nll_calibrated", "NLL calibrated"}, new String[]{"nll", "NLL raw"},
            new String[]{"ece_calibrated", "ECE calibrated (pp)"}, new String[]{"ece", "ECE raw (pp)"});

    private SpreadTable() {
    }

    static void append(StringBuilder b, Results r) {
        SpreadDecomposition main = r.record(SpreadDecomposition.class, "spread_decomposition").orElse(null);
        SpreadDecomposition sys = r.record(SpreadDecomposition.class, "systematic", "spread_decomposition").orElse(null);
        if (main == null && sys == null) {
            return;
        }
        b.append("<h3>Spread across deployments: Monte-Carlo floor and deployment-induced part</h3>\n"
                + "<div class=\"scroll\"><table id=\"table-spread\">\n<tr><th class=\"l\">Study</th><th class=\"l\">Figure</th>"
                + "<th>raw total</th><th>raw floor</th><th>raw deployment-induced</th><th>corrected total</th>"
                + "<th>corrected floor</th><th>corrected deployment-induced</th></tr>\n");
        rows(b, "Main hardware study", main);
        rows(b, systematicLabel(r), sys);
        b.append("</table></div>\n<p class=\"meta\">Standard deviations over the K deployments. Floor: the same K "
                + "deployments read with other random streams, programming noise and drift off (only the sampled "
                + "ensemble's Monte-Carlo noise is left); deployment-induced = \u221a(total\u00b2 \u2212 floor\u00b2). "
                + "A per-deployment logit correction can only remove the deployment-induced part.");
        ratio(b, "main study", main);
        ratio(b, systematicLabel(r), sys);
        b.append("</p>\n");
    }

    /** "1 days without drift compensation": the systematic-variation scenario's read time, from results.json. */
    static String systematicLabel(Results r) {
        return Format.duration(r.number("systematic", "time_seconds")) + " without drift compensation";
    }

    private static void rows(StringBuilder b, String study, SpreadDecomposition d) {
        if (d == null) {
            return;
        }
        for (String[] f : FIGURES) {
            SpreadDecomposition.Part raw = part(d.raw(), f[0]);
            SpreadDecomposition.Part cor = part(d.corrected(), f[0]);
            double scale = f[1].endsWith("(pp)") ? 100 : 1;
            b.append("<tr><td class=\"l\">").append(Format.html(study)).append("</td><td class=\"l\">")
                    .append(Format.html(f[1])).append("</td>");
            for (SpreadDecomposition.Part part : new SpreadDecomposition.Part[]{raw, cor}) {
                for (double v : new double[]{part.total(), part.floor(), part.deploymentInduced()}) {
                    b.append("<td>").append(Format.html(Format.number(scale * v, 4))).append("</td>");
                }
            }
            b.append("</tr>\n");
        }
    }

    /** A figure's part, all NaN where the file lacks it (an older or partial file). */
    private static SpreadDecomposition.Part part(Map<String, SpreadDecomposition.Part> parts, String figure) {
        SpreadDecomposition.Part p = parts == null ? null : parts.get(figure);
        return p != null ? p : new SpreadDecomposition.Part(Double.NaN, Double.NaN, Double.NaN);
    }

    private static void ratio(StringBuilder b, String label, SpreadDecomposition d) {
        if (d == null) {
            return;
        }
        double v = d.accuracyInducedRatio() == null ? Double.NaN : d.accuracyInducedRatio();
        if (Double.isFinite(v)) {
            b.append(" ").append(Format.html(label)).append(": the correction leaves ")
                    .append(Format.html(Format.number(v, 2))).append(" of the deployment-induced accuracy spread.");
        }
    }
}
