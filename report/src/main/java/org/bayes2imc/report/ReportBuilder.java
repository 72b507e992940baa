package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds the self-contained HTML report (docs/MODEL.md §10, issue 7) and its CSV files from a results directory's
 * results.json alone (schema docs/RESULTS.md); every section is optional. All files are written atomically.
 */
public final class ReportBuilder {
    public static final String RESULTS_FILE = "results.json";
    public static final String REPORT_FILE = "report.html";
    /** The results.json schema this report reads (docs/RESULTS.md). */
    public static final int SCHEMA_VERSION = 1;

    static {
        // Before any chart class touches AWT: plots are drawn in memory, never on a display.
        System.setProperty("java.awt.headless", "true");
    }

    private ReportBuilder() {
    }

    /** Folder of a results directory that holds a sweep run alongside (the demo's mini-sweep). */
    public static final String SWEEP_DIR = "sweep";

    /**
     * When the results directory holds a sweep ({@code sweep/sweep.csv}), builds its design-space page and shows
     * its Pareto fronts in the report with a link to the page (tables and sensitivities are there).
     */
    private static String withDesignSpace(String html, Path resultsDir) {
        Path sweep = resultsDir.resolve(SWEEP_DIR);
        if (!DesignSpacePage.applies(sweep)) {
            return html;
        }
        DesignSpacePage.Built built = DesignSpacePage.render(sweep);
        StringBuilder b = new StringBuilder("<h2 id=\"design-space\">Design space</h2>\n<p>Pareto fronts of the sweep in "
                + "<a href=\"" + SWEEP_DIR + "/" + DesignSpacePage.FILE + "\">" + SWEEP_DIR + "/" + DesignSpacePage.FILE
                + "</a> (its table, sortable, and one sensitivity plot per swept axis are there).</p>\n");
        for (Figure f : built.fronts()) {
            b.append("<figure id=\"ds-").append(f.id()).append("\">\n<h3>").append(Format.html(f.title()))
                    .append("</h3>\n<img id=\"img-ds-").append(f.id()).append("\" src=\"").append(f.dataUri())
                    .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height())
                    .append("\" alt=\"").append(Format.html(f.title())).append("\">\n<figcaption>")
                    .append(Format.html(f.caption())).append("</figcaption>\n</figure>\n");
        }
        int end = html.lastIndexOf("</main>");
        return html.substring(0, end) + b + html.substring(end);
    }

    /**
     * Reads {@code resultsDir/results.json}, writes {@code report.html} and the CSV files beside it, returns the
     * report's path. Throws {@link InputException} naming the file when results.json is missing or malformed.
     */
    public static Path build(Path resultsDir) {
        Path file = resultsDir.resolve(RESULTS_FILE);
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new InputException(file, "malformed results: expected a JSON object at the top level");
        }
        JsonNode version = root.get("schema_version");
        // absent in the oldest evaluate/ppa files (v1 before the field existed); any other version is a file this
        // build cannot read correctly, so it is refused rather than half-rendered
        if (version != null && !(version.isIntegralNumber() && version.asLong() == SCHEMA_VERSION)) {
            throw new InputException(file, "schema_version " + version + " is not supported (this version reads "
                    + SCHEMA_VERSION + ")");
        }
        Results results = new Results(file, root);
        try {
            Figures.Drawn drawn = Figures.draw(results);
            List<Path> csv = CsvFiles.writeAll(results, resultsDir);
            Path report = resultsDir.resolve(REPORT_FILE);
            // Written last, after the CSVs, so a present report always comes with its data files.
            AtomicFiles.writeString(report, withDesignSpace(HtmlPage.render(results, drawn, csv), resultsDir));
            return report;
        } catch (Results.FieldTypeException e) {
            throw new InputException(file, e.getMessage());
        }
    }
}
