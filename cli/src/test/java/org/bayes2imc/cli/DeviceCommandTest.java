package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceCommandTest {
    @TempDir
    Path dir;

    @Test
    void targetPWritesResultsWithEveryKey() {
        int rc = Main.execute("device", "--device", "ibm-pcm", "--target-p", "0.3", "--time", "1h",
                "--draws", "20000", "--seed", "7", "--out", dir.toString());
        assertThat(rc).isZero();
        JsonNode r = Json.read(dir.resolve("results.json"));
        assertThat(r.path("command").asText()).isEqualTo("device");
        assertThat(r.path("settings").path("time_seconds").asDouble()).isEqualTo(3600.0);
        assertThat(r.path("settings").path("device").asText()).isEqualTo("ibm-pcm");
        assertThat(r.path("settings").path("device_config").path("t0_seconds").asDouble()).isEqualTo(20.0);
        assertThat(r.path("settings").path("mapping").path("reference_micro_siemens").asDouble()).isEqualTo(5.0);
        for (String k : new String[]{"programmed_conductance_micro_siemens", "drift_exponent",
                "drifted_conductance_micro_siemens", "read_conductance_micro_siemens"}) {
            for (String s : new String[]{"mean", "std", "p1", "p5", "p25", "p50", "p75", "p95", "p99"}) {
                assertThat(r.path(k).has(s)).as(k + "." + s).isTrue();
            }
        }
        // The target is the programmed conductance: p = 0.3 is met by the conductance expected at the design read
        // time (by default --time), after drift from a higher programmed value.
        assertThat(r.path("settings").path("design_time_seconds").asDouble()).isEqualTo(3600.0);
        double g = r.path("target_conductance_micro_siemens").asDouble();
        assertThat(g).isGreaterThan(5.0);
        assertThat(r.path("drifted_conductance_micro_siemens").path("p50").asDouble()).isBetween(4.0, 5.0);
        JsonNode sa = r.path("sense_amplifier");
        double f = sa.path("sampled_frequency").asDouble();
        assertThat(f).isBetween(sa.path("interval_low").asDouble(), sa.path("interval_high").asDouble());
        // With full IBM noise the expected frequency (mean realised p) must lie in the sampled interval.
        assertThat(sa.path("expected_frequency").asDouble())
                .isBetween(sa.path("interval_low").asDouble(), sa.path("interval_high").asDouble());
        assertThat(sa.path("target_p").asDouble()).isEqualTo(0.3);
        assertThat(sa.path("confidence").asDouble()).isEqualTo(0.999);
    }

    @Test
    void idealDeviceSamplesExactlyTheTargetP() {
        int rc = Main.execute("device", "--device", "ideal", "--target-p", "0.2", "--draws", "20000",
                "--out", dir.toString());
        assertThat(rc).isZero();
        JsonNode sa = Json.read(dir.resolve("results.json")).path("sense_amplifier");
        assertThat(sa.path("target_inside_interval").asBoolean()).isTrue();
        assertThat(sa.path("realised_p").path("std").asDouble()).isLessThan(1e-12);
        assertThat(sa.path("realised_p").path("mean").asDouble()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void differentialPairIsComparedReadAgainstRead() {
        int rc = Main.execute("device", "--target-p", "0.7", "--encoding", "differential", "--time", "1d",
                "--design-time", "20s", "--draws", "20000", "--out", dir.toString());
        assertThat(rc).isZero();
        JsonNode r = Json.read(dir.resolve("results.json"));
        assertThat(r.path("settings").path("mapping").path("encoding").asText()).isEqualTo("DIFFERENTIAL_PAIR");
        assertThat(r.path("settings").path("design_time_seconds").asDouble()).isEqualTo(20.0);
        assertThat(r.path("minus_target_conductance_micro_siemens").asDouble())
                .isLessThan(r.path("target_conductance_micro_siemens").asDouble());
        JsonNode sa = r.path("sense_amplifier");
        assertThat(sa.path("expected_frequency").asDouble())
                .isBetween(sa.path("interval_low").asDouble(), sa.path("interval_high").asDouble());
    }

    @Test
    void outOfRangeOptionsGiveAOneLineErrorAndExitTwo() {
        assertThat(run("device", "--target-p", "0.5", "--design-time", "soon", "--out", dir.toString())).contains("--design-time");
        assertThat(run("device", "--target-p", "0.5", "--encoding", "triple", "--out", dir.toString())).contains("--encoding");
        assertThat(run("device", "--target-conductance", "5", "--encoding", "differential", "--out", dir.toString()))
                .contains("--encoding");
        assertThat(run("device", "--target-p", "1.5", "--out", dir.toString())).contains("--target-p");
        assertThat(run("device", "--target-conductance", "5", "--time", "-1h", "--out", dir.toString()))
                .contains("--time").contains("negative");
        assertThat(run("device", "--target-conductance", "5", "--draws", "0", "--out", dir.toString())).contains("--draws");
        assertThat(run("device", "--device", "rram", "--target-p", "0.5", "--out", dir.toString())).contains("unknown device model");
        assertThat(Files.exists(dir.resolve("results.json"))).isFalse();
    }

    private static String run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int rc;
        try {
            rc = Main.execute(args);
        } finally {
            System.setErr(old);
        }
        assertThat(rc).isEqualTo(2);
        String msg = err.toString().trim();
        assertThat(msg.lines().count()).isEqualTo(1);
        return msg;
    }
}
