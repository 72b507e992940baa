package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Makes a long pipeline resumable: each finished step's output record is stored atomically as DIR/steps/NAME.json
 * with the settings that produced it, and a rerun with the same settings reads it back instead of recomputing.
 */
public final class StepCache {
    private final Path dir;

    /** One stored step: the settings that produced it and its output. */
    private record Stored(JsonNode settings, JsonNode output) {
    }

    public StepCache(Path resultsDir) {
        this.dir = resultsDir.resolve("steps");
    }

    /** Returns the stored output of a step run with these settings, or runs it and stores the output. */
    public <T> T run(String step, Object settingsRecord, Class<T> type, Supplier<T> work) {
        JsonNode settings = Json.tree(settingsRecord);
        Path file = dir.resolve(step + ".json");
        if (Files.isRegularFile(file)) {
            try {
                JsonNode stored = Json.read(file);
                // compare as text: a long written and read back comes back as an int node, which equals() rejects
                if (settings.toString().equals(stored.path("settings").toString())) {
                    T output = Json.value(stored.path("output"), type, file);
                    System.err.println("demo: step '" + step + "' already done, reusing " + file);
                    return output;
                }
            } catch (RuntimeException e) {
                System.err.println("demo: ignoring unreadable " + file + " (" + e.getMessage() + ")");
            }
        }
        T output = work.get();
        Json.write(file, new Stored(settings, Json.tree(output)));
        return output;
    }
}
