package org.bayes2imc.report;

import org.bayes2imc.io.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportBuilderTest {
    private static final List<String> ALL_FIGURES = List.of("reliability", "deployments", "drift", "sparsity-layers",
            "p-histogram", "uncertainty", "ppa-breakdown-1", "ppa-breakdown-2", "ppa-comparison");

    @TempDir
    static Path completeDir;
    private static String completeHtml;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildCompleteReportOnce() throws IOException {
        ResultsFixture.writeComplete(completeDir);
        completeHtml = Files.readString(ReportBuilder.build(completeDir));
    }

    @Test
    void completeResultsGiveEveryPlotAsAnEmbeddedPngOfTheStatedSize() {
        assertThat(completeDir.resolve("report.html")).isRegularFile();
        String html = completeHtml;

        Map<String, ReportHtml.Img> images = ReportHtml.images(html);
        assertThat(images.keySet()).containsExactlyElementsOf(ALL_FIGURES);
        for (ReportHtml.Img img : images.values()) {
            assertThat(img.src()).as(img.id()).startsWith(ReportHtml.PNG_PREFIX);
            assertThat(img.image()).as("%s decodes as PNG", img.id()).isNotNull();
            assertThat(img.image().getWidth()).as(img.id()).isEqualTo(img.widthAttr());
            assertThat(img.image().getHeight()).as(img.id()).isEqualTo(img.heightAttr());
            assertThat(img.image().getWidth()).as(img.id()).isBetween(700, 1000);
            assertThat(img.image().getHeight()).as(img.id()).isBetween(380, 1400);
        }
        assertThat(size(images.get("reliability"))).containsExactly(ReliabilityFigure.WIDTH, ReliabilityFigure.HEIGHT);
        assertThat(size(images.get("deployments"))).containsExactly(DeploymentFigure.WIDTH, DeploymentFigure.HEIGHT);
        assertThat(size(images.get("drift"))).containsExactly(DriftFigure.WIDTH, DriftFigure.HEIGHT);
        assertThat(size(images.get("p-histogram"))).containsExactly(SparsityFigures.WIDTH, SparsityFigures.HEIGHT);
        assertThat(size(images.get("uncertainty"))).containsExactly(UncertaintyFigure.WIDTH, UncertaintyFigure.HEIGHT);
        // One breakdown per network, each with 3 Bayes2IMC sparsity schemes + 1 SRAM baseline (pipelined).
        assertThat(size(images.get("ppa-breakdown-1"))).containsExactly(PpaFigures.WIDTH, PpaFigures.height(4));
        assertThat(size(images.get("ppa-breakdown-2"))).containsExactly(PpaFigures.WIDTH, PpaFigures.height(4));
    }

    @Test
    void reportLoadsNothingFromOutsideTheFile() {
        String html = completeHtml;
        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("<iframe");
        // Every src is a data URI; hrefs are in-page anchors, the empty data icon, or the CSV files beside it.
        assertThat(java.util.Arrays.asList(html.split("src=\"", -1)).subList(1, html.split("src=\"", -1).length)).allMatch(s -> s.startsWith("data:image/png;base64,"));
        assertThat(java.util.Arrays.asList(html.split("href=\"", -1)).subList(1, html.split("href=\"", -1).length))
                .allMatch(s -> s.startsWith("#") || s.startsWith("data:,") || s.matches("(?s)^[a-z_]+\\.csv\".*"));
    }

    @Test
    void plotsDrawTheSeriesThatExist() throws IOException {
        Map<String, ReportHtml.Img> full = ReportHtml.images(completeHtml);
        int rawPixels = ReportHtml.pixelsNear(full.get("reliability").image(), 0xD55E00, 12);
        int correctedPixels = ReportHtml.pixelsNear(full.get("reliability").image(), 0x0072B2, 12);
        assertThat(rawPixels).as("raw hardware curve drawn").isGreaterThan(200);
        assertThat(correctedPixels).as("corrected hardware curve drawn").isGreaterThan(200);

        Path partialDir = Files.createDirectory(dir.resolve("partial"));
        ResultsFixture.writePartial(partialDir);
        Map<String, ReportHtml.Img> partial = ReportHtml.images(Files.readString(ReportBuilder.build(partialDir)));
        assertThat(ReportHtml.pixelsNear(partial.get("reliability").image(), 0xD55E00, 12)).isGreaterThan(200);
        // No corrected section: its colour appears at most in anti-aliased specks.
        assertThat(ReportHtml.pixelsNear(partial.get("reliability").image(), 0x0072B2, 12)).isLessThan(20);
    }

    @Test
    void summaryAndCaptionsQuoteTheFiguresAndSettings() {
        String html = completeHtml;
        var root = org.bayes2imc.io.Json.read(completeDir.resolve("results.json"));
        String hwAccuracy = Format.percentSpread(root.at("/hardware/accuracy/mean").asDouble(),
                root.at("/hardware/accuracy/std").asDouble());
        assertThat(html).contains("Software, mode network", "Software ensemble, S = 10", "90.20 %", "89.70 %",
                Format.html(hwAccuracy), "Hardware, affine_logit-corrected (K = 8)", "LS + row sparsity",
                "5.80 %", "86.88 %", "4.7 min");
        assertThat(html).contains("S = 10 samples", "K = 8 deployments", "device pcm-nandakumar", "t = 20 s after programming",
                "compensation: none, global_reference", "in-distribution: fashion-mnist", "OOD: mnist");
        assertThat(html).contains("id=\"table-sparsity\"", "id=\"table-ppa\"", "id=\"table-drift\"", "rows_with_probabilistic",
                "gops_per_w_mm2", "accuracy_std");
        // The claims of both sources, every row with all five cells filled (ClaimsTableTest checks the figures).
        assertThat(ClaimsTableTest.rows(html)).hasSize(ClaimsTableTest.CLAIMS)
                .allSatisfy(row -> assertThat(row).hasSize(6).allSatisfy(cell -> assertThat(cell).isNotBlank()));
    }

    @Test
    void calibratedChipLeadsAndTheSpreadIsDecomposed() {
        String html = completeHtml;
        // Summary: calibrated ECE and NLL columns come before the raw ones.
        assertThat(html.indexOf("<th>ECE calibrated</th>")).isPositive().isLessThan(html.indexOf("<th>ECE raw</th>"));
        assertThat(html).contains("1.23 \u00b1 0.11 %", "Hardware, 1.0 h without drift compensation, corrected");
        assertThat(html).contains("id=\"table-spread\"", "deployment-induced", "Main hardware study",
                "1.0 h without drift compensation: the correction leaves 0.24 of the deployment-induced accuracy spread");
        assertThat(html).contains("validation-fitted temperature, as the chip", "temperature in the chip",
                "ECE raw = without it");
    }

    @Test
    void csvFilesHoldTheSameRows() throws IOException {
        Path dir = completeDir;
        List<String> drift = Files.readAllLines(dir.resolve("drift.csv"));
        assertThat(drift).hasSize(1 + 2 * ResultsFixture.DRIFT_TIMES.length);
        assertThat(drift.get(0)).isEqualTo("time_seconds,compensation,accuracy_mean,accuracy_std,ece_mean,ece_std,"
                + "ece_calibrated_mean,ece_calibrated_std,nll_mean,ood_auroc_entropy_mean");
        assertThat(drift.get(1)).startsWith("20.0,none,0.89,");
        List<String> ppa = Files.readAllLines(dir.resolve("ppa.csv"));
        assertThat(ppa).hasSize(1 + 16);
        assertThat(ppa.get(0)).startsWith("network,design,mode,sparsity,samples,energy_uj,latency_us,area_mm2");
        assertThat(Files.readAllLines(dir.resolve("ppa_breakdown.csv"))).hasSize(1 + 8 * 6);
        List<String> layers = Files.readAllLines(dir.resolve("sparsity_layers.csv"));
        assertThat(layers).hasSize(1 + ResultsFixture.LAYERS.length);
        assertThat(layers.get(1)).startsWith("conv1,288,");
        List<String> deployments = Files.readAllLines(dir.resolve("hardware_deployments.csv"));
        assertThat(deployments).hasSize(1 + 2 * ResultsFixture.DEPLOYMENTS);
        assertThat(deployments.get(0)).startsWith("variant,deployment,accuracy,nll,brier,ece");
        assertThat(deployments.get(1)).startsWith("raw,1,");
        assertThat(deployments.get(1 + ResultsFixture.DEPLOYMENTS)).startsWith("corrected,1,");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void partialResultsGiveAReportOfWhatExists() throws IOException {
        ResultsFixture.writePartial(dir);
        String html = Files.readString(ReportBuilder.build(dir));
        assertThat(ReportHtml.images(html).keySet())
                .containsExactly("reliability", "deployments", "sparsity-layers", "p-histogram", "uncertainty");
        assertThat(html).doesNotContain("table-drift", "table-ppa", "corrected", "Key figures\n<table>\n<tr><td class=\"l\">Sampled");
        assertThat(html).contains("Hardware, raw (K = 8)", "id=\"table-sparsity\"");
        assertThat(dir.resolve("drift.csv")).doesNotExist();
        assertThat(dir.resolve("ppa.csv")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("hardware_deployments.csv"))).hasSize(1 + ResultsFixture.DEPLOYMENTS);
        assertThat(Files.readAllLines(dir.resolve("sparsity_layers.csv")).get(0))
                .isEqualTo("layer,synapses,probabilistic_fraction,probabilistic_fraction_eps_0_001");
    }

    @Test
    void emptyOrWronglyTypedSectionsAreSkippedNotFatal() throws IOException {
        Files.writeString(dir.resolve("results.json"), "{\"schema_version\": 1}");
        String minimal = Files.readString(ReportBuilder.build(dir));
        assertThat(ReportHtml.images(minimal)).isEmpty();
        assertThat(minimal).contains("<h1>Bayes2IMC report</h1>").endsWith("</html>\n");

        Files.writeString(dir.resolve("results.json"), """
                {"schema_version": 1, "hardware": "oops", "drift": 5, "software": {"ensemble": {"reliability": [1, 2],
                 "histograms": {"entropy_in": {"edges": [0, 1], "counts": [3, 4]}}, "accuracy": "NaN"}},
                 "ppa": {"rows": [{"network": "n", "gops_per_w": -1}]}, "drift_extra": null, "timing": {"steps": []}}
                """);
        String odd = Files.readString(ReportBuilder.build(dir));
        assertThat(ReportHtml.images(odd)).isEmpty();
        assertThat(odd).contains("Software ensemble");
    }

    @Test
    void missingResultsNameTheFile() {
        assertThatThrownBy(() -> ReportBuilder.build(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(dir.resolve("results.json").toString())
                .hasMessageContaining("not found");
    }

    @Test
    void malformedResultsNameTheFileAndKeepTheOldReport() throws IOException {
        Files.writeString(dir.resolve("report.html"), "old report");
        Files.writeString(dir.resolve("results.json"), "{\"schema_version\": 1, \"software\": ", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReportBuilder.build(dir))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("results.json").toString())
                .hasMessageContaining("malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Files.writeString(dir.resolve("results.json"), "[1, 2]");
        assertThatThrownBy(() -> ReportBuilder.build(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("results.json");
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("old report");
    }

    private static int[] size(ReportHtml.Img img) {
        return new int[]{img.image().getWidth(), img.image().getHeight()};
    }
}
