package org.bayes2imc.sweep;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.io.InputException;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The large inputs of a sweep, loaded once on the driver and shipped whole (a Spark broadcast: once per executor):
 * every model file's bytes by their SHA-256, and the evaluation images. Each JVM parses a model once.
 */
public final class SweepInputs implements CellInputs, Serializable {
    private final Map<String, byte[]> modelBytes;
    private final DatasetData test;
    private final DatasetData ood;
    private final DatasetData calibration;
    private transient Map<String, BbnnModel> models;
    private transient Dataset testSet;
    private transient Dataset oodSet;
    private transient Dataset calibrationSet;

    private SweepInputs(Map<String, byte[]> modelBytes, DatasetData test, DatasetData ood, DatasetData calibration) {
        this.modelBytes = modelBytes;
        this.test = test;
        this.ood = ood;
        this.calibration = calibration;
    }

    /** Reads the experiment's models and data (fetching the data into the cache if needed); checks their shapes. */
    public static SweepInputs load(Experiment e) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        Map<String, BbnnModel> parsed = new LinkedHashMap<>();
        for (Cell c : e.cells()) {
            if (!bytes.containsKey(c.modelSha256())) {
                Path p = e.models().get(c.model());
                try {
                    bytes.put(c.modelSha256(), Files.readAllBytes(p));
                } catch (IOException ex) {
                    throw new InputException(p, "cannot read: " + ex.getMessage());
                }
                parsed.put(c.modelSha256(), ModelFile.read(p));
            }
        }
        EvaluationData d = e.data();
        Path dir = d.dataDir() != null ? Path.of(d.dataDir()) : Datasets.defaultDataDir();
        Dataset test = Datasets.load(d.dataset(), "test", dir, max(d.limit()));
        Dataset ood = d.ood() == null ? null : Datasets.load(d.ood(), "test", dir, max(d.oodLimit()));
        Dataset calibration = Datasets.load(d.dataset(), "train", dir, d.calibrationImages());
        for (Map.Entry<String, BbnnModel> m : parsed.entrySet()) {
            ModelInputs.checkShape(m.getValue(), test);
            if (ood != null) {
                ModelInputs.checkShape(m.getValue(), ood);
            }
            if (test.classes() != m.getValue().architecture().classes()) {
                throw new IllegalArgumentException(e.file() + ": data.dataset " + test.name() + " has " + test.classes()
                        + " classes but a model has " + m.getValue().architecture().classes());
            }
        }
        SweepInputs in = new SweepInputs(bytes, DatasetData.of(test), DatasetData.of(ood), DatasetData.of(calibration));
        in.models = new ConcurrentHashMap<>(parsed);
        return in;
    }

    private static int max(int limit) {
        return limit == 0 ? Integer.MAX_VALUE : limit;
    }

    @Override
    public synchronized BbnnModel model(String sha256) {
        if (models == null) {
            models = new ConcurrentHashMap<>();
        }
        return models.computeIfAbsent(sha256, this::parse);
    }

    private BbnnModel parse(String sha256) {
        byte[] b = modelBytes.get(sha256);
        if (b == null) {
            throw new IllegalStateException("no model with SHA-256 " + sha256 + " among the sweep's inputs");
        }
        try {
            Path tmp = Files.createTempFile("bayes2imc-sweep-", ".safetensors");
            try {
                Files.write(tmp, b);
                return ModelFile.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Dataset test() {
        if (testSet == null) {
            testSet = test.toDataset();
        }
        return testSet;
    }

    @Override
    public synchronized Dataset ood() {
        if (oodSet == null && ood != null) {
            oodSet = ood.toDataset();
        }
        return oodSet;
    }

    @Override
    public synchronized Dataset calibration() {
        if (calibrationSet == null) {
            calibrationSet = calibration.toDataset();
        }
        return calibrationSet;
    }
}
