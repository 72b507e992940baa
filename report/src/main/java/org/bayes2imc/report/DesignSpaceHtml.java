package org.bayes2imc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the design-space page: header, the figures with captions, the sortable table of every cell. */
final class DesignSpaceHtml {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;background:#fff;color:#111;}
            main{max-width:1200px;margin:0 auto;padding:16px 24px 48px;}
            h1{font-size:26px;margin:8px 0 4px;} h2{font-size:21px;margin:32px 0 8px;border-bottom:1px solid #ccc;}
            h3{font-size:16px;margin:20px 0 6px;} .meta{color:#444;font-size:14px;margin:0 0 12px;}
            table{border-collapse:collapse;font-size:13px;margin:8px 0 16px;}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;white-space:nowrap;}
            th{background:#f2f2f2;cursor:pointer;} td.l,th.l{text-align:left;} tr.front td{background:#fff4e6;}
            figure{margin:16px 0 28px;} figure img{max-width:100%;height:auto;border:1px solid #ddd;}
            figcaption{font-size:14px;color:#333;margin-top:6px;max-width:960px;} .scroll{overflow-x:auto;}
            """;
    /** Click a header to sort by it (numbers numerically, by the cell's data-v), again to reverse; empty cells stay last. */
    private static final String SORT = """
            document.querySelectorAll('table.sortable th').forEach(function (th, col) {
              th.addEventListener('click', function () {
                var body = th.closest('table').tBodies[0];
                var asc = th.dataset.asc !== 'true'; th.dataset.asc = asc;
                var rows = Array.from(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
                  if (x === '' || y === '') { return x === y ? 0 : (x === '' ? 1 : -1); }
                  var nx = parseFloat(x), ny = parseFloat(y), r;
                  if (!isNaN(nx) && !isNaN(ny)) { r = nx - ny; } else if (!isNaN(nx)) { r = -1; } else if (!isNaN(ny)) { r = 1; }
                  else { r = String(x).localeCompare(String(y)); }
                  return asc ? r : -r;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
            """;

    private DesignSpaceHtml() {
    }

    static String render(SweepCsv csv, List<String> axes, List<DesignSpaceFigures.Front> fronts, List<Figure> figures) {
        StringBuilder b = new StringBuilder(1 << 20);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n<title>Bayes2IMC design space</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n<h1>Bayes2IMC design space</h1>\n<p class=\"meta\">");
        long ok = csv.rows().stream().filter(r -> "ok".equals(r.get("status"))).count();
        b.append(csv.rows().size()).append(" cells (").append(ok).append(" ok, ").append(csv.rows().size() - ok)
                .append(" failed) \u00b7 swept axes: ").append(Format.html(axes.isEmpty() ? "none" : String.join(", ", axes)))
                .append(" \u00b7 built from ").append(Format.html(csv.file().getFileName().toString())).append(" alone</p>\n");
        b.append("<h2 id=\"plots\">Pareto fronts and sensitivities</h2>\n");
        for (Figure f : figures) {
            b.append("<figure id=\"").append(f.id()).append("\">\n<h3>").append(Format.html(f.title()))
                    .append("</h3>\n<img id=\"img-").append(f.id()).append("\" src=\"").append(f.dataUri())
                    .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height())
                    .append("\" alt=\"").append(Format.html(f.title())).append("\">\n<figcaption>")
                    .append(Format.html(f.caption())).append("</figcaption>\n</figure>\n");
        }
        table(b, csv, axes, fronts);
        b.append("<script>\n").append(SORT).append("</script>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, SweepCsv csv, List<String> axes, List<DesignSpaceFigures.Front> fronts) {
        String[][] figures = {
                {"accuracy_mean", "accuracy (%)", "100"}, {"accuracy_std", "acc. std (pp)", "100"},
                {"ece_calibrated_mean", "ECE cal.", "1"}, {"ece_mean", "ECE raw", "1"}, {"nll_mean", "NLL", "1"},
                {"ood_auroc_mean", "OOD AUROC", "1"}, {"accuracy_deployment_induced_std", "acc. deployment-induced std (pp)", "100"},
                {"energy_per_image_uj", "energy/image (\u00b5J)", "1"}, {"latency_us", "latency (\u00b5s)", "1"},
                {"area_mm2", "area (mm\u00b2)", "1"}, {"gops_per_w", "GOPS/W", "1"}, {"gops_per_w_mm2", "GOPS/W/mm\u00b2", "1"}};
        b.append("<h2 id=\"table\">Every cell</h2>\n<p class=\"meta\">Click a column header to sort. Highlighted rows are on "
                + "at least one Pareto front (column \u201cfronts\u201d: A = accuracy\u2013energy, E = ECE\u2013energy, "
                + "T = accuracy at the longest time\u2013area).</p>\n<div class=\"scroll\"><table class=\"sortable\" id=\"cells\">\n<thead><tr>");
        List<String> head = new ArrayList<>(List.of("cell"));
        head.addAll(axes);
        head.add("fronts");
        head.add("status");
        for (String h : head) {
            b.append("<th class=\"l\">").append(Format.html(h)).append("</th>");
        }
        for (String[] f : figures) {
            b.append("<th>").append(Format.html(f[1])).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Map<String, String> r : csv.rows()) {
            String marks = mark(fronts, "pareto-accuracy-energy", "A", r) + mark(fronts, "pareto-ece-energy", "E", r)
                    + mark(fronts, "pareto-accuracy-area", "T", r);
            b.append("<tr").append(marks.isEmpty() ? "" : " class=\"front\"").append(">");
            cell(b, r.get("index"), r.get("index"), false);
            for (String a : axes) {
                cell(b, r.get(a), r.get(a), true);
            }
            cell(b, marks, marks, true);
            String status = "ok".equals(r.get("status")) ? "ok" : "failed: " + r.getOrDefault("error", "");
            cell(b, status, status, true);
            for (String[] f : figures) {
                double v = SweepCsv.number(r, f[0]) * Double.parseDouble(f[2]);
                cell(b, Double.isFinite(v) ? String.valueOf(v) : "", Double.isFinite(v) ? Format.significant(v) : Format.MISSING, false);
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private static String mark(List<DesignSpaceFigures.Front> fronts, String id, String letter, Map<String, String> row) {
        return DesignSpacePage.front(fronts, id).map(f -> f.rows().stream().anyMatch(i -> f.source().get(i) == row) ? letter : "")
                .orElse("");
    }

    private static void cell(StringBuilder b, String sortValue, String shown, boolean left) {
        b.append("<td").append(left ? " class=\"l\"" : "").append(" data-v=\"").append(Format.html(sortValue == null ? "" : sortValue))
                .append("\">").append(Format.html(shown == null ? "" : shown)).append("</td>");
    }
}
