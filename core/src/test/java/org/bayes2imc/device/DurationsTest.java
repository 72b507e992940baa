package org.bayes2imc.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void parsesUnits() {
        assertThat(Durations.parseSeconds("20s")).isEqualTo(20.0);
        assertThat(Durations.parseSeconds("1h")).isEqualTo(3600.0);
        assertThat(Durations.parseSeconds("1d")).isEqualTo(86_400.0);
        assertThat(Durations.parseSeconds("30d")).isEqualTo(30 * 86_400.0);
        assertThat(Durations.parseSeconds("1y")).isEqualTo(365.25 * 86_400.0);
        assertThat(Durations.parseSeconds("10y")).isEqualTo(3652.5 * 86_400.0);
        assertThat(Durations.parseSeconds("1e7s")).isEqualTo(1e7);
        assertThat(Durations.parseSeconds("1e7")).isEqualTo(1e7);
        assertThat(Durations.parseSeconds("2.5")).isEqualTo(2.5);
        assertThat(Durations.parseSeconds(" 0 ")).isEqualTo(0.0);
        assertThat(Durations.parseSeconds("5min")).isEqualTo(300.0);
        assertThat(Durations.parseSeconds("1mo")).isEqualTo(365.25 * 86_400.0 / 12);
        assertThat(Durations.parseSeconds("250ns")).isCloseTo(250e-9, org.assertj.core.api.Assertions.within(1e-21));
        assertThat(Durations.parseList("20s,1h, 1e7s")).containsExactly(20.0, 3600.0, 1e7);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Durations.parseSeconds("-1h")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> Durations.parseSeconds("1 fortnight")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown time unit");
        assertThatThrownBy(() -> Durations.parseSeconds("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> Durations.parseSeconds("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parseSeconds("1e400")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
    }

    @Test
    void labels() {
        assertThat(Durations.label(20)).isEqualTo("20s");
        assertThat(Durations.label(3600)).isEqualTo("1h");
        assertThat(Durations.label(86_400)).isEqualTo("1d");
        assertThat(Durations.label(Durations.YEAR)).isEqualTo("1y");
        assertThat(Durations.label(10 * Durations.YEAR)).isEqualTo("10y");
        assertThat(Durations.label(1e7)).isEqualTo("1e7s");
        assertThat(Durations.label(0)).isEqualTo("0s");
        for (double s : new double[]{20, 3600, 1e7, 30 * 86_400, 0.5}) {
            assertThat(Durations.parseSeconds(Durations.label(s))).isEqualTo(s);
        }
    }
}
