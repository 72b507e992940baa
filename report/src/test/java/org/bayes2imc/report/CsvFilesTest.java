package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFilesTest {
    @Test
    void cellsAreQuotedOnlyWhereRfc4180NeedsItAndMissingCellsAreEmpty() {
        List<JsonNode> rows = List.of(
                Json.object().put("name", "plain").put("value", 0.1234567890123).put("note", "a, b"),
                Json.object().put("name", "say \"hi\"").putNull("value").put("extra", "line\nbreak"));
        assertThat(CsvFiles.csv(rows)).isEqualTo("name,value,note,extra\n"
                + "plain,0.1234567890123,\"a, b\",\n"
                + "\"say \"\"hi\"\"\",,,\"line\nbreak\"\n");
    }
}
