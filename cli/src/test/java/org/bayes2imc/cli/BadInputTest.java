package org.bayes2imc.cli;

import org.bayes2imc.data.TestData;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input of issue 16 through the real command line ({@link CliRun}), each refused before any work with
 * one line naming the option or file and the reason, exit 2 — and the few that are accepted on purpose. The cases
 * are the single source of docs/BAD_INPUTS.md: {@link #docsTableIsUpToDate} fails when the file differs from the
 * table generated here; regenerate it with
 * {@code BAD_INPUTS_WRITE=1 mvn -B -o -q -pl cli -am test -Dtest=BadInputTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Placeholders in braces stand for fixtures: {model} a tiny fmnist-tiny model, {nan-model} the same with one λ set
 * to NaN, {file} a regular file, {dir} a folder, {data} the test data cache, {out} a fresh output folder, {locked}
 * an output folder another run holds, {bad-cache} a cache with a damaged digits file, {results-v99} and
 * {results-string} results folders with schema_version 99 and with a string in a numeric field, {config-typo} and
 * {config-range} experiment files with a misspelt key and an out-of-range value.
 */
class BadInputTest {
    static final Path DOC = Path.of("..", "docs", "BAD_INPUTS.md");

    /** One row: the arguments, the exit code, a fragment of the expected message, the issue item, a note. */
    record Case(String item, String args, int code, String expected, String note) {
        static Case refused(String item, String args, String expected) {
            return new Case(item, args, 2, expected, "");
        }

        static Case accepted(String item, String args, String expected, String why) {
            return new Case(item, args, 0, expected, why);
        }
    }

    static List<Case> cases() {
        return List.of(
                Case.refused("3", "evaluate --model {model} --samples 1000000000", "--samples must be in 1..10000, got 1000000000"),
                Case.refused("3", "device --target-p 0.3 --draws 1000000000", "--draws must be in 1..100000000, got 1000000000"),
                Case.refused("3", "deploy --model {model} --reference-devices 1000000000",
                        "--reference-devices must be in 1..1000000, got 1000000000"),
                Case.refused("3", "deploy --model {model} --samples 1000000000", "--samples must be in 1..10000, got 1000000000"),
                Case.refused("3", "deploy --model {model} --deployments 1000000000", "--deployments must be in 1..10000, got 1000000000"),
                Case.refused("3", "drift --model {model} --deployments 1000000000", "--deployments must be in 1..10000, got 1000000000"),
                // a study holds the software ensemble's and one deployment's member logits at a time, whatever K
                Case.refused("3", "deploy --model {model} --data-dir {data} --correction affine --samples 10000 --out {out}",
                        "--samples 10000 × 10000 images needs 7.5 GB of memory, more than 80 % of the "),
                Case.refused("3", "evaluate --model {model} --threads 100000", "--threads must be in 0..1024, got 100000"),
                Case.refused("3", "deploy --model {model} --threads -1", "--threads must be in 0..1024, got -1"),
                Case.refused("4", "evaluate --model {nan-model} --out {out}",
                        "{nan-model}: tensor 'layers.0.lambda' holds NaN at index 0 (parameters must be finite)"),
                Case.refused("4", "deploy --model {nan-model} --out {out}", "{nan-model}: tensor 'layers.0.lambda' holds NaN at index 0"),
                Case.refused("4", "sparsity --model {nan-model} --out {out}", "{nan-model}: tensor 'layers.0.lambda' holds NaN at index 0"),
                Case.refused("5", "evaluate --model {model} --out {file}/sub", "--out {file}/sub: cannot create the directory (Not a directory)"),
                Case.refused("5", "train --out {file}/model.safetensors --epochs 1", "--out {file}: is a file, not a directory"),
                Case.refused("5", "sparsity --model {model} --out {file}", "--out {file}: is a file, not a directory"),
                Case.refused("5", "data fetch digits --data-dir {file}/cache",
                        "--data-dir {file}/cache: cannot create the directory (Not a directory)"),
                Case.refused("5", "deploy --model {model} --out {locked}",
                        "--out {locked}: another bayes2imc run is writing there (it holds .bayes2imc.lock)"),
                Case.refused("6", "ppa --network fmnist-small --array-size 1073741824",
                        "--array-size must be a power of two in 8..4096, got 1073741824"),
                Case.refused("6", "ppa --network fmnist-small --adc-bits 64", "--adc-bits must be in 1..16, got 64"),
                Case.refused("6", "ppa --network fmnist-small --set adc_bits=64", "--set 'adc_bits=64': adc_bits must be in 1..16, got 64"),
                Case.refused("6", "ppa --network fmnist-small --set colour=0.5",
                        "--set 'colour=0.5': unknown config key 'colour'; known: [array_size, activation_bits, p_bits, adc_bits, "
                                + "adc_column_mux, adc_weight_bits, input_bit_activity, devices_per_synapse, node_nm, vdd_v, "
                                + "clock_ghz, arrays_per_pe, pes_per_tile, tile_buffer_kib, bn_units_per_tile, interconnect_mm], samples"),
                Case.refused("6", "ppa --network fmnist-small --epsilon 0.7", "--epsilon must be in (0, 0.5), got 0.7"),
                Case.refused("6", "deploy --model {model} --epsilon 0.5", "--epsilon must be in (0, 0.5), got 0.5"),
                Case.refused("6", "sparsity --model {model} --epsilon 0.5", "--epsilon must be in (0, 0.5), got 0.5"),
                Case.refused("6", "device --target-p 0.3 --drift-scale 1e300", "--drift-scale must be in [0, 100], got 1.0E300"),
                Case.refused("6", "deploy --model {model} --read-noise-scale NaN", "--read-noise-scale must be in [0, 100], got NaN"),
                Case.refused("6", "report {results-v99}", "{results-v99}/results.json: schema_version 99 is not supported (this version reads 1)"),
                Case.refused("6", "report {results-string}",
                        "{results-string}/results.json: field 'accuracy' holds the string \"high\" where a number belongs"),
                Case.refused("7", "drift --model {model} --samples 0", "--samples must be in 1..10000, got 0"),
                Case.refused("7", "drift --model {model} --ood-limit -1", "--ood-limit must be >= 0 (0 = all), got -1"),
                Case.refused("7", "drift --model {model} --times abc", "--times 'abc': "),
                Case.refused("7", "drift --model {model} --times 20s,-1h", "--times '20s,-1h': "),
                Case.refused("7", "deploy --model {model} --time soon", "--time 'soon': "),
                Case.refused("6", "device --target-p 1.5", "--target-p must be in (0, 1), got 1.5"),
                Case.refused("6", "sparsity --model {model} --array-size 96", "--array-size must be a power of two in 8..4096, got 96"),
                Case.refused("7", "evaluate --model {model} --data-dir {data} --ood digits:bar --out {out}",
                        "--ood digits:bar: dataset digits has splits all, test; got 'bar'"),
                Case.refused("7", "evaluate --model {dir}", "{dir}: is a folder, not a model file"),
                Case.refused("7", "evaluate --model {model} --samples abc", "Invalid value for option '--samples': 'abc' is not an int"),
                Case.refused("7", "evaluate --model {model} --sampling sometimes", "Invalid value for option '--sampling'"),
                new Case("7", "data list --verify --data-dir {bad-cache}", 1, "verification failed for digits",
                        "exit 1: a finding about the data, not a usage error"),
                Case.accepted("7", "evaluate --model {model} --data-dir {data} --limit 0 --threads 0 --samples 1 --sampling per_chunk --out {out}",
                        "wrote", "0 means all images / all processors in every command; enum values in any case"),
                Case.refused("14", "deploy --model {model} --config {config-typo}",
                        "{config-typo}: unknown key 'sampling.sample'; known here: first_ensembling_layer, "),
                Case.refused("14", "deploy --model {model} --config {config-range}",
                        "{config-range}: study.deployments must be >= 1, got 0"),
                Case.refused("14", "deploy --model {model} --config {dir}", "{dir}: is a folder, not a file"),
                Case.accepted("5", "sparsity --model {model} --out {stale}", "wrote",
                        "a lock file left by a killed run does not block: only a live OS lock does"));
    }

    @TempDir
    static Path dir;
    static Path model;
    static Path nanModel;
    static FileChannel lockHolder;
    static final AtomicInteger OUTS = new AtomicInteger();

    @BeforeAll
    static void fixtures() throws IOException {
        model = TinyModelFile.write(dir);
        BbnnModel m = ModelFile.read(model);
        m.lambda(0)[0] = Float.NaN;
        nanModel = dir.resolve("nan.safetensors");
        ModelFile.write(nanModel, m);
        Files.writeString(dir.resolve("afile"), "not a folder");
        Files.createDirectories(dir.resolve("folder"));
        Path digits = Files.createDirectories(dir.resolve("bad-cache").resolve("digits"));
        Files.write(digits.resolve("digits.csv.gz"), new byte[] {1, 2, 3});
        Path v99 = Files.createDirectories(dir.resolve("results-v99"));
        Files.writeString(v99.resolve("results.json"), "{\"schema_version\": 99}");
        Path str = Files.createDirectories(dir.resolve("results-string"));
        Files.writeString(str.resolve("results.json"), "{\"schema_version\": 1, \"software\": {\"ensemble\": {\"accuracy\": \"high\"}}}");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        lockHolder = FileChannel.open(locked.resolve(OutputDir.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lockHolder.lock();
        Path stale = Files.createDirectories(dir.resolve("stale"));
        Files.writeString(stale.resolve(OutputDir.LOCK_FILE), "pid 999999999\n"); // its process is long gone
        Files.writeString(dir.resolve("typo.yaml"), "sampling:\n  sample: 3\n");
        Files.writeString(dir.resolve("range.json"), "{\"study\": {\"deployments\": 0}}");
    }

    @AfterAll
    static void release() throws IOException {
        lockHolder.close();
    }

    static String fill(String text, boolean freshOut) {
        return text.replace("{nan-model}", nanModel.toString())
                .replace("{model}", model.toString())
                .replace("{file}", dir.resolve("afile").toString())
                .replace("{config-typo}", dir.resolve("typo.yaml").toString())
                .replace("{config-range}", dir.resolve("range.json").toString())
                .replace("{dir}", dir.resolve("folder").toString())
                .replace("{data}", TestData.dataDir().toString())
                .replace("{bad-cache}", dir.resolve("bad-cache").toString())
                .replace("{results-v99}", dir.resolve("results-v99").toString())
                .replace("{results-string}", dir.resolve("results-string").toString())
                .replace("{locked}", dir.resolve("locked").toString())
                .replace("{stale}", dir.resolve("stale").toString())
                .replace("{out}", freshOut ? dir.resolve("out-" + OUTS.incrementAndGet()).toString() : "{out}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithOneLine(Case c) {
        CliRun r = CliRun.of(fill(c.args(), true).split(" "));
        String expected = fill(c.expected(), false);
        assertThat(r.code()).as(r.err()).isEqualTo(c.code());
        if (c.code() == 0) {
            assertThat(r.out()).contains(expected);
            return;
        }
        String err = r.err().strip();
        assertThat(err).as("one line, no stack trace").doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err).startsWith("bayes2imc: error: ").contains(expected);
    }

    @Test
    void oodWithAnUnknownSplitSuggestsNoFetch() {
        CliRun r = CliRun.of(fill("evaluate --model {model} --data-dir {data} --ood digits:bar --out {out}", true).split(" "));
        assertThat(r.err()).doesNotContain("fetch");
    }

    @Test
    void docsTableIsUpToDate() throws IOException {
        String table = table();
        if ("1".equals(System.getenv("BAD_INPUTS_WRITE"))) {
            Files.writeString(DOC, table, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/BAD_INPUTS.md is generated from BadInputTest.cases(); regenerate it (see the class comment)")
                .isEqualTo(table);
    }

    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("# Bad inputs and their messages\n\n");
        b.append("Generated from `cli/src/test/java/org/bayes2imc/cli/BadInputTest.java`, which runs every row through the\n");
        b.append("command line and fails when this file is out of date. Regenerate:\n\n");
        b.append("    BAD_INPUTS_WRITE=1 mvn -B -o -q -pl cli -am test -Dtest=BadInputTest -Dsurefire.failIfNoSpecifiedTests=false\n\n");
        b.append("Every refusal comes before any data is read or any work starts, as one line on stderr,\n");
        b.append("`bayes2imc: error: ` followed by the message, which contains the fragment below. Placeholders: {model} a\n");
        b.append("model file, {nan-model} one with a NaN λ, {file} a regular file, {dir} a folder, {data} the data cache,\n");
        b.append("{out} an output folder, {locked} an output folder another run is writing to, {stale} one with a lock file\n");
        b.append("left by a killed run, {bad-cache} a cache with a damaged file, {results-v99} / {results-string} results\n");
        b.append("folders with schema_version 99 / a string in a numeric field, {config-typo} / {config-range} experiment\n");
        b.append("files (docs/CONFIG.md) with a misspelt key / an out-of-range value. Item: the finding of issue 16 (14: issue 14).\n\n");
        b.append("| item | command | exit | message contains | note |\n");
        b.append("| --- | --- | --- | --- | --- |\n");
        for (Case c : cases()) {
            b.append("| ").append(c.item()).append(" | `bayes2imc ").append(c.args()).append("` | ").append(c.code())
                    .append(" | ").append(c.code() == 0 ? "(stdout) " : "").append('`').append(c.expected().replace("|", "\\|"))
                    .append("` | ").append(c.note()).append(" |\n");
        }
        return b.toString();
    }
}
