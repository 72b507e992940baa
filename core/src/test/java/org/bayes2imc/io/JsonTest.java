package org.bayes2imc.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.metrics.Histogram;
import org.bayes2imc.study.DriftRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    private static final Path SOURCE = Path.of("test.json");

    /** A record with a primitive, a boxed and a camelCase component. */
    record Sample(double meanValue, Double ratio, Double absent) {
    }

    @Test
    void recordsAreWrittenInSnakeCaseWithNaNAsNull() {
        JsonNode j = Json.tree(new Sample(Double.NaN, Double.POSITIVE_INFINITY, null));
        assertThat(j.has("mean_value")).isTrue();
        assertThat(j.get("mean_value").isNull()).isTrue();
        assertThat(j.get("ratio").isNull()).isTrue();
        assertThat(j.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void nullIsReadBackAsNaNAndAnAbsentKeyAsNull() {
        Sample s = Json.value(Json.MAPPER.createObjectNode().putNull("mean_value").putNull("ratio"), Sample.class, SOURCE);
        assertThat(s.meanValue()).isNaN();
        assertThat(s.ratio()).isNaN();
        assertThat(s.absent()).isNull();
    }

    @Test
    void aStringWhereANumberBelongsIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> Json.value(Json.MAPPER.createObjectNode().put("mean_value", "x"), Sample.class, SOURCE))
                .isInstanceOf(InputException.class).hasMessageContaining("test.json");
    }

    @Test
    void aDriftRowWithANaNFloorSurvivesTheStepCacheRoundTrip() {
        // a floor that ran but has no value (no OOD set in the floor run) is null; without a floor the key is absent
        DriftRow withFloor = new DriftRow(20, "none", .9, .01, .005, .008, .02, .01, .004, .009, .03, .01, .002, .01,
                .3, .02, .01, .017, .25, .02, .01, .017, .1, .8, .01, Double.NaN, Double.NaN, .7, 3);
        JsonNode first = Json.tree(withFloor);
        assertThat(first.get("ood_auroc_entropy_floor").isNull()).isTrue();
        JsonNode again = Json.tree(Json.value(first, DriftRow.class, SOURCE));
        assertThat(again).isEqualTo(first);

        DriftRow noFloor = new DriftRow(20, "none", .9, .01, null, null, .02, .01, null, null, .03, .01, null, null,
                .3, .02, null, null, .25, .02, null, null, .1, .8, .01, null, null, .7, 3);
        JsonNode plain = Json.tree(noFloor);
        assertThat(plain.has("accuracy_floor")).isFalse();
        assertThat(Json.tree(Json.value(plain, DriftRow.class, SOURCE))).isEqualTo(plain);
    }

    @Test
    void spreadAndHistogramKeepTheirDocumentedKeys() {
        JsonNode s = Json.tree(Spread.of(new double[] {1, 3}));
        assertThat(s.has("count")).isFalse();
        assertThat(s.get("std").asDouble()).isEqualTo(Math.sqrt(2));
        JsonNode h = Json.tree(new Histogram(0, 1, new long[] {2, 3}));
        assertThat(h.get("edges")).hasSize(3);
        assertThat(h.get("edges").get(1).asDouble()).isEqualTo(0.5);
        Histogram back = Json.value(h, Histogram.class, SOURCE);
        assertThat(back.counts()).containsExactly(2, 3);
    }
}
