package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Makes a long pipeline resumable: each finished step's output is stored atomically as DIR/steps/NAME.json with
 * the settings that produced it, and a rerun with the same settings reuses it instead of recomputing.
 */
public final class StepCache {
    private final Path dir;

    public StepCache(Path resultsDir) {
        this.dir = resultsDir.resolve("steps");
    }

    /** Returns the stored output of a step run with these settings, or runs it and stores the output. */
    public JsonNode run(String step, JsonNode settings, Supplier<JsonNode> work) {
        Path file = dir.resolve(step + ".json");
        if (Files.isRegularFile(file)) {
            try {
                JsonNode stored = Json.read(file);
                // compare as text: a long written and read back comes back as an int node, which equals() rejects
                if (settings.toString().equals(stored.path("settings").toString())) {
                    System.err.println("demo: step '" + step + "' already done, reusing " + file);
                    return stored.path("output");
                }
            } catch (RuntimeException e) {
                System.err.println("demo: ignoring unreadable " + file + " (" + e.getMessage() + ")");
            }
        }
        JsonNode output = work.get();
        ObjectNode record = Json.object();
        record.set("settings", settings);
        record.set("output", output);
        Json.write(file, record);
        return output;
    }
}
