package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.hardware.PpaRow;
import org.bayes2imc.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimsTableTest {
    /** The claims of both sources (issue 13): the table must always list all of them. */
    static final int CLAIMS = 11;
    private static final Pattern ROW = Pattern.compile("<tr id=\"claim-([a-z0-9.-]+)\">(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>");

    @TempDir
    Path dir;

    /** Rows of the claims table in the page: id → its five cells. */
    static List<List<String>> rows(String html) {
        assertThat(html).contains("id=\"table-claims\"");
        List<List<String>> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            List<String> cells = new ArrayList<>();
            cells.add(m.group(1));
            Matcher c = CELL.matcher(m.group(2));
            while (c.find()) {
                cells.add(c.group(1));
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void completeResultsGiveAFigureForEveryClaimTheyHoldInputsFor() throws IOException {
        ResultsFixture.writeComplete(dir);
        List<List<String>> rows = rows(Files.readString(ReportBuilder.build(dir)));
        assertThat(rows).hasSize(CLAIMS);
        for (List<String> row : rows) {
            assertThat(row).as(row.get(0)).hasSize(6).allSatisfy(cell -> assertThat(cell).isNotBlank());
        }
        // The fixture has no adc-imc rows, so only that claim lacks a figure.
        assertThat(rows).filteredOn(r -> r.get(3).startsWith("not measured")).extracting(r -> r.get(0))
                .containsExactly("memristive-20pct");
        String byId = rows.toString();
        // 1 − 96210/668672 (fixture's sampled parameters), 1/0.15 energy, 1/0.2 pipelined area, 4.1/1.2 GOPS/W.
        assertThat(byId).contains("RS over LS 85.61 %", "6.67×", "5.00×", "3.42×");
        // Drift: the fixture's global series loses 0.004 per decade of t/20 s, 7.2 decades by 10 years.
        assertThat(byId).contains("global: 89.00 % at 20 s → 86.12 % at 10.0 years (-2.88 pp)");
        assertThat(byId).contains("accuracy 88.50 % (all sampled) → 88.50 % (LS+RS), +0.00 pp");
        JsonNode root = Json.read(dir.resolve("results.json"));
        double raw = root.at("/hardware/accuracy/std").asDouble();
        double cor = root.at("/hardware_corrected/accuracy/std").asDouble();
        assertThat(byId).contains(String.format(java.util.Locale.ROOT, "raw %.2f pp, corrected %.2f pp (raw/corrected %.2f×)",
                100 * raw, 100 * cor, raw / cor));
        // the fixture's systematic scenario: √(0.31² − 0.11²) = 0.29 pp raw, √(0.13² − 0.11²) = 0.07 pp corrected
        assertThat(byId).contains("without drift compensation, deployment-induced accuracy spread 0.29 → 0.07 pp");
    }

    @Test
    void partialResultsStillListEveryClaimAndSayWhereTheFigureIs() throws IOException {
        ResultsFixture.writePartial(dir);
        List<List<String>> rows = rows(Files.readString(ReportBuilder.build(dir)));
        assertThat(rows).hasSize(CLAIMS);
        for (List<String> row : rows) {
            assertThat(row).as(row.get(0)).hasSize(6).allSatisfy(cell -> assertThat(cell).isNotBlank());
        }
        assertThat(rows).filteredOn(r -> r.get(0).equals("sram-gops-w")).singleElement()
                .satisfies(r -> assertThat(r.get(3)).isEqualTo(Claim.NOT_MEASURED));
        assertThat(rows).filteredOn(r -> r.get(0).equals("accuracy")).singleElement()
                .satisfies(r -> assertThat(r.get(3)).startsWith("hardware (raw)"));
    }

    @Test
    void ppaRatioPairsRowsOfTheSameNetworkAndModeAndGivesTheRange() {
        List<PpaRow> rows = List.of(
                row("vgg-binaryconnect:10", "pipelined", "bayes2imc", 120),
                row("vgg-binaryconnect:10", "pipelined", "adc-imc", 100),
                row("vgg-binaryconnect:100", "non-pipelined", "bayes2imc", 150),
                row("vgg-binaryconnect:100", "non-pipelined", "adc-imc", 100),
                row("vgg-binaryconnect:100", "pipelined", "adc-imc", 1), // no partner: ignored
                row("fmnist-small", "pipelined", "bayes2imc", 1000), // not VGG: ignored
                row("fmnist-small", "pipelined", "adc-imc", 1));
        String r = ClaimsTable.ppaRatio(rows, PpaRow::gopsPerW, true, ClaimsTable.designIs("bayes2imc"),
                ClaimsTable.designIs("adc-imc")).orElseThrow();
        assertThat(r).startsWith("1.20–1.50×").contains("vgg-binaryconnect:10 pipelined")
                .contains("vgg-binaryconnect:100 non-pipelined").doesNotContain("fmnist");
        // Lower is better (energy): the baseline over the subject.
        assertThat(ClaimsTable.ppaRatio(rows, PpaRow::gopsPerW, false, ClaimsTable.designIs("adc-imc"),
                ClaimsTable.designIs("bayes2imc")).orElseThrow()).startsWith("1.20–1.50×");
        assertThat(ClaimsTable.ppaRatio(rows, PpaRow::gopsPerW, true, ClaimsTable.designIs("sram"),
                ClaimsTable.designIs("adc-imc"))).isEmpty();
    }

    @Test
    void labelsOfBothSpellingsMatch() {
        // PpaStep writes "sram", "ls+rs", "non-pipelined"; older files and the fixture "sram_baseline", "ls_rs", "non_pipelined".
        PpaRow n = label("sram_baseline", "ls_rs", "non_pipelined");
        assertThat(ClaimsTable.designIs("sram").test(n)).isTrue();
        assertThat(ClaimsTable.sparsityIs("ls+rs").test(n)).isTrue();
        assertThat(ClaimsTable.modeIs("non-pipelined").test(n)).isTrue();
        PpaRow m = label("sramx", "ls", "pipelined");
        assertThat(ClaimsTable.designIs("sram").test(m)).isFalse();
        assertThat(ClaimsTable.sparsityIs("ls+rs").test(m)).isFalse();
        assertThat(ClaimsTable.modeIs("non-pipelined").test(m)).isFalse();
    }

    private static PpaRow row(String network, String mode, String design, double gopsPerW) {
        return new PpaRow(network, design, mode, "none", 10, 1, 1, 1, 1, gopsPerW, 1);
    }

    private static PpaRow label(String design, String sparsity, String mode) {
        return new PpaRow("vgg-binaryconnect:10", design, mode, sparsity, 10, 1, 1, 1, 1, 1, 1);
    }
}
