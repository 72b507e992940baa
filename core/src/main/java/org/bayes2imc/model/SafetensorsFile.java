package org.bayes2imc.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors format (an 8-byte little-endian header length, a JSON header of
 * {name: {dtype, shape, data_offsets}} plus an optional {@code __metadata__} string map, then raw little-endian
 * tensor bytes), so PyTorch users can exchange models with {@code safetensors.torch}. F32 is written; F32, F16,
 * BF16 and F64 are read and widened to float.
 */
public final class SafetensorsFile {
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafetensorsFile() {
    }

    /** Tensors by name (in file order) and the metadata strings. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** One tensor's header entry: its dtype, shape and byte range in the data section. */
    record TensorEntry(String dtype, long[] shape, long[] dataOffsets) {
    }

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        // the format's header: "__metadata__" (string to string, sorted) and then one entry per tensor in file order
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) {
            header.put("__metadata__", new TreeMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().data().length;
            header.put(e.getKey(), new TensorEntry("F32", e.getValue().shape(), new long[] {offset, offset + bytes}));
            offset += bytes;
        }
        byte[] json;
        try {
            json = Json.MAPPER.writer().withoutFeatures(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(header);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int pad = (8 - json.length % 8) % 8; // the format recommends 8-byte alignment of the data
        byte[] headerBytes = new byte[json.length + pad];
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        java.util.Arrays.fill(headerBytes, json.length, headerBytes.length, (byte) ' ');
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length);
            out.write(len.array());
            out.write(headerBytes);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (float v : t.data()) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
            }
            out.write(buf.array(), 0, buf.position());
        });
    }

    public static Contents read(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file, "is a folder, not a model file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "model file not found");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new InputException(file, "not a safetensors file (shorter than its 8-byte header length)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 1 || headerLen > MAX_HEADER || 8 + headerLen > size) {
                throw new InputException(file, "corrupt safetensors header length " + headerLen + " (file has " + size + " bytes)");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8);
            JsonNode header;
            try {
                header = Json.MAPPER.readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException(file, "malformed safetensors JSON header");
            }
            if (header == null || !header.isObject()) {
                throw new InputException(file, "safetensors header is not a JSON object");
            }
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    if (!e.getValue().isObject()) {
                        throw new InputException(file, "__metadata__ must be a map of strings");
                    }
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                tensors.put(e.getKey(), readTensor(file, ch, e.getKey(), e.getValue(), dataStart, dataLen));
            }
            return new Contents(tensors, metadata);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
    }

    private static Tensor readTensor(Path file, FileChannel ch, String name, JsonNode info, long dataStart, long dataLen)
            throws IOException {
        String dtype = info.path("dtype").asText("");
        int width = switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            case "F64" -> 8;
            default -> throw new InputException(file, "tensor '" + name + "' has unsupported dtype '" + dtype + "'");
        };
        JsonNode shapeNode = info.path("shape");
        JsonNode offs = info.path("data_offsets");
        if (!shapeNode.isArray() || !offs.isArray() || offs.size() != 2) {
            throw new InputException(file, "tensor '" + name + "' lacks shape or data_offsets");
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!shapeNode.get(i).canConvertToLong() || shapeNode.get(i).asLong() < 0) {
                throw new InputException(file, "tensor '" + name + "' has a bad shape " + shapeNode);
            }
            shape[i] = shapeNode.get(i).asLong();
            count = Math.multiplyExact(count, shape[i]);
        }
        long begin = offs.get(0).asLong(-1);
        long end = offs.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataLen || end - begin != count * width) {
            throw new InputException(file, "tensor '" + name + "' data_offsets " + offs + " do not fit its shape or the file");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new InputException(file, "tensor '" + name + "' is too large");
        }
        ByteBuffer raw = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, raw, dataStart + begin);
        raw.flip();
        float[] data = new float[(int) count];
        for (int i = 0; i < data.length; i++) {
            data[i] = switch (dtype) {
                case "F32" -> raw.getFloat();
                case "F64" -> (float) raw.getDouble();
                case "F16" -> Float.float16ToFloatCompat(raw.getShort());
                default -> Float.intBitsToFloat((raw.getShort() & 0xffff) << 16);
            };
        }
        return new Tensor(shape, data);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }

    /** IEEE half to float (Java 17 lacks Float.float16ToFloat). */
    static final class Float {
        static float float16ToFloatCompat(short h) {
            int bits = h & 0xffff;
            int sign = (bits >>> 15) << 31;
            int exp = (bits >>> 10) & 0x1f;
            int mant = bits & 0x3ff;
            if (exp == 0) {
                return java.lang.Float.intBitsToFloat(sign) + (sign != 0 ? -1 : 1) * mant * 0x1p-24f;
            }
            if (exp == 31) {
                return java.lang.Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
            }
            return java.lang.Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
        }

        static float intBitsToFloat(int bits) {
            return java.lang.Float.intBitsToFloat(bits);
        }
    }
}
