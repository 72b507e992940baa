package org.bayes2imc.sweep;

import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Experiment files: grid and explicit cells, content-derived ids and seeds, one-line errors naming file and key. */
class ExperimentFileTest {
    @TempDir
    Path dir;

    @Test
    void gridTimesModelsGivesOneCellPerCombinationWithDefaults() {
        Experiment e = ExperimentFile.read(TinySweep.experiment(dir, TinySweep.FOUR_CELLS
                + "cells:\n  - {sparsity: ls+rs, array_size: 64}\n"));
        List<Cell> c = e.cells();
        assertThat(c).hasSize(5);
        assertThat(c.get(0).text("design")).isEqualTo("bayes2imc");
        assertThat(c.get(0).number("time")).isEqualTo(20.0);
        assertThat(c.get(1).number("time")).isEqualTo(10 * 365.25 * 86400);
        assertThat(c.get(2).text("design")).isEqualTo("sram");
        assertThat(c.get(4).integer("array_size")).isEqualTo(64);
        assertThat(c.get(4).integer("deployments")).isEqualTo(2); // explicit cells take the fixed settings too
    }

    @Test
    void idAndSeedDependOnContentNotOnPositionOrPath() {
        Experiment a = ExperimentFile.read(TinySweep.experiment(dir, TinySweep.FOUR_CELLS));
        Experiment b = ExperimentFile.read(TinySweep.experiment(dir,
                "fixed: {deployments: 2, samples: 2, floor: false}\ngrid:\n  time: [10y, 20s]\n  design: [sram, bayes2imc]\n"));
        // the same four cells in another order: same ids, same seeds
        assertThat(b.cells().stream().map(Cell::id).sorted().toList())
                .isEqualTo(a.cells().stream().map(Cell::id).sorted().toList());
        Cell first = a.cells().get(0);
        Cell same = b.cells().stream().filter(c -> c.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(same.seed()).isEqualTo(first.seed());
        assertThat(same.index()).isNotEqualTo(first.index());
        assertThat(a.cells().stream().map(Cell::seed).distinct()).hasSize(4);
    }

    @Test
    void unknownKeyIsOneLineNamingFileAndKey() {
        assertError("fixed: {samples: 2}\ngrid:\n  sampels: [1, 2]\n", "exp.yaml: grid.sampels: unknown setting key");
        assertError("grid: {time: [1d]}\nextra: 1\n", "exp.yaml: extra: unknown key");
        assertError("data2: {}\n", "exp.yaml: data2: unknown key");
    }

    @Test
    void outOfRangeValueNamesKeyAndIndex() {
        assertError("grid:\n  samples: [2, 0]\n", "exp.yaml: grid.samples[1]: must be an integer in 1..10000, got 0");
        assertError("grid:\n  array_size: [100]\n", "exp.yaml: grid.array_size[0]: must be a power of two");
        assertError("cells:\n  - {device: flash}\n", "exp.yaml: cells[0].device: must be one of ibm-pcm");
        assertError("fixed: {time: -3s}\n", "exp.yaml: fixed.time: negative duration");
        assertError("fixed: {epsilon: 0.5}\n", "exp.yaml: fixed.epsilon: must be a number in");
    }

    @Test
    void missingOrMalformedModelIsNamed() {
        Path f = dir.resolve("exp.yaml");
        AtomicFiles.writeString(f, "models: [nope.safetensors]\ngrid: {samples: [1]}\n");
        assertThatThrownBy(() -> ExperimentFile.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": models[0]: no such model file").hasMessageNotContaining("\n");
        AtomicFiles.writeString(dir.resolve("bad.safetensors"), "not a model");
        AtomicFiles.writeString(f, "models: [bad.safetensors]\n");
        assertThatThrownBy(() -> ExperimentFile.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": models[0]: ");
        AtomicFiles.writeString(f, "grid: {samples: [1]}\n");
        assertThatThrownBy(() -> ExperimentFile.read(f)).hasMessage(f + ": models: missing: list the model files (.safetensors) to sweep");
        AtomicFiles.writeString(f, "models: [a\n  - b: [");
        assertThatThrownBy(() -> ExperimentFile.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": not valid YAML/JSON").hasMessageNotContaining("\n");
    }

    private void assertError(String body, String start) {
        Path f = TinySweep.experiment(dir, body);
        assertThatThrownBy(() -> ExperimentFile.read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f.getParent().resolve(start).toString()).hasMessageNotContaining("\n");
    }
}
