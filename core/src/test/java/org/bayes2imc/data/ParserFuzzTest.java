package org.bayes2imc.data;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bayes2imc.io.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Parser fuzzing: whatever bytes a file holds, the readers either succeed or throw {@link InputException}. */
class ParserFuzzTest {

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
        // Random bodies behind a valid IDX magic and small dims get past the first checks.
        Arbitrary<byte[]> idxLike = Arbitraries.integers().between(-2, 40).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(dims -> Arbitraries.of(IdxReader.IMAGES_MAGIC, IdxReader.LABELS_MAGIC, 0x0804)
                        .flatMap(magic -> random.map(body -> {
                            ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.size() + body.length);
                            b.putInt(magic);
                            dims.forEach(b::putInt);
                            b.put(body);
                            return b.array();
                        })));
        Arbitrary<byte[]> gz = Arbitraries.oneOf(random, idxLike).map(b -> {
            try {
                return IdxReaderTest.gzip(b);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        Arbitrary<byte[]> cutGz = gz.flatMap(b -> Arbitraries.integers().between(0, b.length).map(n -> Arrays.copyOf(b, n)));
        Arbitrary<byte[]> cifar = Arbitraries.integers().between(1, 3).flatMap(n -> Arbitraries.of(3073, 3074)
                .flatMap(rec -> Arbitraries.integers().between(-1, 1)
                        .flatMap(delta -> Arbitraries.bytes().array(byte[].class).ofSize(n * rec + delta))));
        return Arbitraries.oneOf(random, idxLike, gz, cutGz, cifar);
    }

    @Property(tries = 200)
    void readersOnlyThrowInputException(@ForAll("files") byte[] content, @ForAll @IntRange(min = 0, max = 6) int reader) throws IOException {
        Path f = Files.createTempFile("fuzz", ".bin");
        try {
            Files.write(f, content);
            List<Consumer<Path>> readers = List.of(
                    p -> IdxReader.readImages(p),
                    p -> IdxReader.readLabels(p),
                    p -> IdxReader.inspect(p),
                    p -> CifarReader.read(List.of(p), CifarReader.Format.CIFAR10, CifarReader.Labels.FINE, "fuzz"),
                    p -> CifarReader.read(List.of(p), CifarReader.Format.CIFAR100, CifarReader.Labels.COARSE, "fuzz"),
                    p -> DigitsCsv.read(p),
                    p -> BreastCancerCsv.read(p));
            try {
                readers.get(reader).accept(f);
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith(f.toString()).doesNotContain("\n");
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
