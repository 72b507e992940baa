package org.bayes2imc.results;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.UnwrappingBeanPropertyWriter;
import org.bayes2imc.cli.ArchBenchResults;
import org.bayes2imc.cli.BenchResults;
import org.bayes2imc.cli.DeployResults;
import org.bayes2imc.cli.DriftResults;
import org.bayes2imc.cli.EvaluateResults;
import org.bayes2imc.cli.PpaResults;
import org.bayes2imc.cli.SparsityResults;
import org.bayes2imc.cli.TrainBenchResults;
import org.bayes2imc.cli.demo.DemoResults;
import org.bayes2imc.device.DeviceReport;
import org.bayes2imc.io.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/RESULTS.md is the schema of results.json, checked against the records the commands write: every record
 * reachable from a command's results type has a section {@code ### Name} whose table lists, one {@code `key`} per
 * row, exactly the keys Jackson writes for it (no key missing, none that does not exist, no section left over).
 */
class ResultsSchemaTest {
    /** The results type of every command that writes results.json through records. */
    static final List<Class<?>> COMMANDS = List.of(DemoResults.class, DeployResults.class, DriftResults.class,
            EvaluateResults.class, SparsityResults.class, PpaResults.class, BenchResults.class, ArchBenchResults.class,
            DeviceReport.class, TrainBenchResults.class);

    private static final Pattern SECTION = Pattern.compile("^### (\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|");

    @Test
    void everyWrittenKeyIsDocumentedAndEveryDocumentedKeyIsWritten() throws IOException {
        Map<String, Set<String>> written = new LinkedHashMap<>();
        for (Class<?> c : COMMANDS) {
            walk(Json.MAPPER.constructType(c), written);
        }
        Map<String, Set<String>> documented = documented(Path.of("..", "docs", "RESULTS.md"));
        List<String> problems = new ArrayList<>();
        for (var e : written.entrySet()) {
            Set<String> doc = documented.get(e.getKey());
            if (doc == null) {
                problems.add("no section '### " + e.getKey() + "' for keys " + e.getValue());
                continue;
            }
            Set<String> missing = new TreeSet<>(e.getValue());
            missing.removeAll(doc);
            Set<String> stale = new TreeSet<>(doc);
            stale.removeAll(e.getValue());
            if (!missing.isEmpty()) {
                problems.add(e.getKey() + ": written but not documented " + missing);
            }
            if (!stale.isEmpty()) {
                problems.add(e.getKey() + ": documented but not written " + stale);
            }
        }
        Set<String> leftOver = new TreeSet<>(documented.keySet());
        leftOver.removeAll(written.keySet());
        if (!leftOver.isEmpty()) {
            problems.add("sections for no record: " + leftOver);
        }
        assertThat(problems).as("docs/RESULTS.md against the result records").isEmpty();
    }

    @Test
    void theWalkSeesNestedRecordsListsAndMaps() {
        Map<String, Set<String>> written = new LinkedHashMap<>();
        walk(Json.MAPPER.constructType(DemoResults.class), written);
        assertThat(written).containsKeys("DemoResults", "Metrics", "Spread", "DeploymentSummary", "DriftRow",
                "SpreadDecomposition.Part", "Calibration.Bin", "Histogram");
        assertThat(written.get("Calibration.Bin")).containsExactlyInAnyOrder("bin_lower", "bin_upper", "count",
                "confidence", "accuracy");
        assertThat(written.get("Histogram")).containsExactlyInAnyOrder("lower", "upper", "edges", "counts");
        assertThat(written.get("Spread")).doesNotContain("count");
    }

    /** The section name of a record: its simple name, with the enclosing type's for a nested one. */
    static String name(Class<?> c) {
        return c.getEnclosingClass() == null ? c.getSimpleName() : name(c.getEnclosingClass()) + "." + c.getSimpleName();
    }

    /** Collects the written keys of every project record reachable from type. */
    static void walk(JavaType type, Map<String, Set<String>> out) {
        if (type.isContainerType()) {
            walk(type.getContentType(), out); // list element or map value; map keys are data, not schema
            return;
        }
        Class<?> c = type.getRawClass();
        if (c.isArray() || !c.getName().startsWith("org.bayes2imc.") || JsonNode.class.isAssignableFrom(c)
                || out.containsKey(name(c))) {
            return;
        }
        JsonSerializer<Object> ser;
        try {
            ser = Json.MAPPER.getSerializerProviderInstance().findValueSerializer(type);
        } catch (Exception e) {
            throw new AssertionError("no serializer for " + c, e);
        }
        if (!(ser instanceof BeanSerializer bean)) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        out.put(name(c), keys);
        for (Iterator<PropertyWriter> it = bean.properties(); it.hasNext(); ) {
            PropertyWriter p = it.next();
            if (p instanceof UnwrappingBeanPropertyWriter) {
                continue; // its keys are those of the record it holds (the device model's configuration)
            }
            keys.add(p.getName());
            walk(p.getType(), out);
        }
    }

    /** Section name → keys of its table. */
    static Map<String, Set<String>> documented(Path file) throws IOException {
        Map<String, Set<String>> doc = new LinkedHashMap<>();
        Set<String> current = null;
        for (String line : Files.readAllLines(file)) {
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                current = new LinkedHashSet<>();
                doc.put(s.group(1), current);
                continue;
            }
            if (line.startsWith("## ")) {
                current = null;
            }
            Matcher r = ROW.matcher(line);
            if (current != null && r.find()) {
                current.add(r.group(1));
            }
        }
        return doc;
    }
}
