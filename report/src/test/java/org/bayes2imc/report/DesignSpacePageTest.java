package org.bayes2imc.report;

import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The design-space page: Pareto fronts computed right, every figure present, the table with fronts marked. */
class DesignSpacePageTest {
    @TempDir
    Path dir;

    @Test
    void frontKeepsExactlyTheNonDominatedPoints() {
        // minimise both: (1,5) (2,3) (3,4 dominated by 2,3) (4,1) (5,1 dominated by 4,1) (NaN ignored)
        double[] x = {1, 2, 3, 4, 5, Double.NaN};
        double[] y = {5, 3, 4, 1, 1, 0};
        assertThat(ParetoFront.of(x, y)).containsExactly(0, 1, 3);
        // equal points do not dominate each other
        assertThat(ParetoFront.of(new double[] {1, 1}, new double[] {2, 2})).containsExactly(0, 1);
    }

    @Test
    void pageHasTheThreeFrontsOneSensitivityPerAxisAndTheTable() throws IOException {
        SweepFixture.write(dir);
        Path page = DesignSpacePage.build(dir);
        String html = Files.readString(page);
        var images = ReportHtml.images(html);
        // 3 fronts + design, time_seconds, samples sensitivities
        assertThat(images).hasSize(6);
        assertThat(html).contains("id=\"pareto-accuracy-energy\"").contains("id=\"pareto-ece-energy\"")
                .contains("Accuracy at 10 years vs area").contains("id=\"sensitivity-design\"")
                .contains("id=\"sensitivity-samples\"").contains("id=\"sensitivity-time-seconds\"");
        assertThat(html).contains("12 cells (11 ok, 1 failed)").contains("swept axes: design, time_seconds, samples");
        assertThat(html).contains("failed: IllegalArgumentException: p_bits 16, &quot;quoted&quot; exceeds array_size 8");
        // the cheapest functional cell (#0: bayes2imc, S = 4, 20 s) is on the accuracy-energy front; #3 (bayes2imc,
        // S = 10, 10 y) on the ECE and 10-year fronts only; #6 (sram, S = 4, 10 y) is dominated everywhere (by #1 for
        // accuracy and ECE against energy, by #3 at 10 years against area)
        assertThat(row(html, 0)).contains("class=\"front\"").contains(">A");
        assertThat(row(html, 3)).contains("data-v=\"ET\"");
        assertThat(row(html, 6)).doesNotContain("class=\"front\"");
    }

    @Test
    void notASweepFolderIsNamed() {
        assertThatThrownBy(() -> DesignSpacePage.build(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("sweep.csv: missing");
        AtomicFiles.writeString(dir.resolve("sweep.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> DesignSpacePage.build(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("column index missing");
    }

    private static String row(String html, int index) {
        int at = html.indexOf("<td data-v=\"" + index + "\">" + index + "</td>");
        assertThat(at).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }
}
