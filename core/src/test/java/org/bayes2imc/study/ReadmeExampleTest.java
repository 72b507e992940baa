package org.bayes2imc.study;

import org.bayes2imc.data.TestData;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java API example is exactly what a researcher can run: its ```java block is compiled with javac
 * against the test class path and its main method run on a small model file.
 */
class ReadmeExampleTest {
    @Test
    void readmeJavaExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a ```java block").isTrue();
        String source = m.group(1);
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(source);
        assertThat(cls.find()).as("the example declares a public class").isTrue();
        String name = cls.group(1);
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", dir.toString(), "-cp", classPath(), src.toString());
        assertThat(rc).as("javac: " + errors.toString(StandardCharsets.UTF_8)).isZero();

        BbnnModel model = HandmadeModels.rowStructured(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 4,
                TestData.fashionTrain(200));
        Path modelFile = dir.resolve("tiny.safetensors");
        ModelFile.write(modelFile, model);
        TestData.dataDir(); // the example loads Fashion-MNIST from the default data cache

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {modelFile.toString()});
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        stdout.print(out);
        assertThat(out).contains("software ensemble: accuracy");
        assertThat(out.lines().filter(l -> l.contains("over K = 3"))).hasSize(6);
        assertThat(out).contains("global  t = 315000000 s");
    }

    /** The test class path as javac needs it (surefire may hand the JVM a manifest-only jar). */
    private static String classPath() throws Exception {
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (var jar = new java.util.jar.JarFile(entry)) {
                    String manifestCp = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestCp != null) {
                        for (String u : manifestCp.split(" ")) {
                            if (!u.isBlank()) {
                                cp.append(File.pathSeparator).append(Path.of(new java.net.URI(u)));
                            }
                        }
                    }
                }
            }
        }
        return cp.toString();
    }
}
