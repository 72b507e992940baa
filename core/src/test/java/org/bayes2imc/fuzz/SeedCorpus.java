package org.bayes2imc.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.data.IdxReader;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the seed corpus of core's fuzz tests (small real examples, most from the project's own writers) into
 * {@code src/test/resources/org/bayes2imc/fuzz/<Class>Inputs/<method>/}. Run once by hand when a format changes:
 * {@code java -cp core/target/test-classes:core/target/classes:DEPS org.bayes2imc.fuzz.SeedCorpus core/src/test/resources}.
 * Crash reproducers found by fuzzing live beside these seeds and are not rewritten.
 */
public final class SeedCorpus {
    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).resolve("org/bayes2imc/fuzz");
        Random rnd = new Random(16L);

        byte[] model = tinyModel();
        byte[] dtypes = dtypesSafetensors();
        for (String m : new String[] {"safetensors", "model"}) {
            Path d = root.resolve("ModelFileFuzzTestInputs").resolve(m);
            put(d, "tiny-model.safetensors", model);
            put(d, "tiny-model-truncated.safetensors", Arrays.copyOf(model, model.length - 10));
            put(d, "f16-bf16-f64.safetensors", dtypes);
        }

        byte[] images = idx(IdxReader.IMAGES_MAGIC, new int[] {3, 4, 4}, rnd);
        byte[] labels = idx(IdxReader.LABELS_MAGIC, new int[] {3}, rnd);
        Path idx = root.resolve("IdxFuzzTestInputs");
        put(idx.resolve("images"), "images.idx3", images);
        put(idx.resolve("images"), "images.idx3.gz", gzip(images));
        put(idx.resolve("images"), "truncated-header.idx3", Arrays.copyOf(images, 10));
        put(idx.resolve("labels"), "labels.idx1", labels);
        put(idx.resolve("labels"), "labels.idx1.gz", gzip(labels));
        put(idx.resolve("inspect"), "images.idx3.gz", gzip(images));
        put(idx.resolve("inspect"), "labels.idx1", labels);
        put(idx.resolve("inspect"), "truncated-header.idx3", Arrays.copyOf(images, 10));

        Path cifar = root.resolve("CifarFuzzTestInputs");
        put(cifar.resolve("cifar10"), "two-records.bin", cifar(2, 1, rnd));
        put(cifar.resolve("cifar10"), "truncated.bin", Arrays.copyOf(cifar(1, 1, rnd), 3000));
        put(cifar.resolve("cifar100"), "two-records.bin", cifar(2, 2, rnd));

        StringBuilder digits = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 64; i++) {
                digits.append(rnd.nextInt(17)).append(',');
            }
            digits.append(r).append('\n');
        }
        byte[] digitsCsv = digits.toString().getBytes(StandardCharsets.UTF_8);
        put(root.resolve("CsvFuzzTestInputs/digits"), "digits.csv", digitsCsv);
        put(root.resolve("CsvFuzzTestInputs/digits"), "digits.csv.gz", gzip(digitsCsv));
        StringBuilder bc = new StringBuilder("3,30,malignant,benign\n");
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 30; i++) {
                bc.append(String.format("%.4g", rnd.nextDouble() * 100)).append(',');
            }
            bc.append(r % 2).append('\n');
        }
        byte[] bcCsv = bc.toString().getBytes(StandardCharsets.UTF_8);
        put(root.resolve("CsvFuzzTestInputs/breastCancer"), "breast_cancer.csv", bcCsv);
        put(root.resolve("CsvFuzzTestInputs/breastCancer"), "breast_cancer.csv.gz", gzip(bcCsv));

        byte[] defaults;
        try (InputStream in = org.bayes2imc.hardware.ComponentLibrary.class.getResourceAsStream("components.yaml")) {
            defaults = in.readAllBytes();
        }
        String tiny = "components:\n  adder:\n    energy_pj: 0.03\n    area_um2: 2.5\n    latency_ns: 0.1\n    node_nm: 22\n"
                + "    vdd_v: 0.8\n    bits: 8\n    width_rule: linear\n    scaling: cmos\n    source: test\n"
                + "  pcm_read:\n    energy_pj: 0.1\n    area_um2: 0.01\n    node_nm: 90\n    scaling: none\n    source: test\n";
        put(root.resolve("ComponentsFuzzTestInputs/yaml"), "components.yaml", defaults);
        put(root.resolve("ComponentsFuzzTestInputs/yaml"), "tiny.yaml", tiny.getBytes(StandardCharsets.UTF_8));
        byte[] json = Json.MAPPER.writeValueAsBytes(Json.YAML.readTree(tiny));
        put(root.resolve("ComponentsFuzzTestInputs/json"), "tiny.json", json);
    }

    /** A 1×4×4, 2-class model (conv 2, pool, FC 4) with metadata, written by {@link ModelFile#write}. */
    static byte[] tinyModel() throws IOException {
        Architecture a = Architecture.of("seed", "2-M:4", 1, 4, 4, 2);
        BbnnModel m = BbnnModel.zeros(a);
        for (int i = 0; i < a.depth(); i++) {
            float[] lam = m.lambda(i);
            for (int k = 0; k < lam.length; k++) {
                lam[k] = (k % 5 - 2) * 0.7f;
            }
            Arrays.fill(m.bnVar(i), 1.5f);
        }
        ObjectNode norm = m.metadata().putObject("normalisation");
        norm.putArray("mean").add(0.286);
        norm.putArray("std").add(0.353);
        m.metadata().putObject("calibration").put("temperature", 1.3);
        Path tmp = Files.createTempFile("seed", ".safetensors");
        try {
            ModelFile.write(tmp, m);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Hand-made safetensors with the three other dtypes the reader widens (F16, BF16, F64). */
    static byte[] dtypesSafetensors() {
        String header = "{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[4,8]},"
                + "\"c\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]},\"__metadata__\":{\"k\":\"v\"}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        b.putShort((short) 0x3c00).putShort((short) 0x0001); // 1.0 and the smallest subnormal
        b.putShort((short) 0x3f80).putShort((short) 0xc000); // 1.0 and -2.0
        b.putDouble(Math.PI);
        return b.array();
    }

    static byte[] idx(int magic, int[] dims, Random rnd) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + n);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < n; i++) {
            b.put((byte) (magic == IdxReader.LABELS_MAGIC ? rnd.nextInt(10) : rnd.nextInt(256)));
        }
        return b.array();
    }

    static byte[] cifar(int records, int labelBytes, Random rnd) {
        byte[] b = new byte[records * (labelBytes + 3072)];
        rnd.nextBytes(b);
        for (int r = 0; r < records; r++) {
            for (int k = 0; k < labelBytes; k++) {
                b[r * (labelBytes + 3072) + k] = (byte) rnd.nextInt(10);
            }
        }
        return b;
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    static void put(Path dir, String name, byte[] data) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), data);
    }
}
