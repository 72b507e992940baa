package org.bayes2imc.sweep;

import org.bayes2imc.data.TestData;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.ModelFile;

import java.nio.file.Path;

/** A tiny model file and a small experiment file over it (real Fashion-MNIST and digits images) for sweep tests. */
public final class TinySweep {
    private TinySweep() {
    }

    public static Path model(Path dir) {
        Path file = dir.resolve("tiny.safetensors");
        ModelFile.write(file, HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.3, 5, TestData.fashionTrain(100)));
        return file;
    }

    /** Writes {@code exp.yaml} beside a tiny model: {@code body} follows the models and data sections. */
    public static Path experiment(Path dir, String body) {
        model(dir);
        Path f = dir.resolve("exp.yaml");
        AtomicFiles.writeString(f, "models: [tiny.safetensors]\n"
                + "data: {dataset: fashion-mnist, limit: 64, ood: digits, ood_limit: 32, calibration_images: 64, data_dir: "
                + TestData.dataDir() + "}\n" + body);
        return f;
    }

    /** Four cells: two designs × two read times, K = 2, S = 2, without the floor (small and quick). */
    public static final String FOUR_CELLS = "fixed: {deployments: 2, samples: 2, floor: false}\n"
            + "grid:\n  design: [bayes2imc, sram]\n  time: [20s, 10y]\n";
}
