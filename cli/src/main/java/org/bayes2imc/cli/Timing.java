package org.bayes2imc.cli;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/** results.json {@code timing} (docs/RESULTS.md): wall seconds of the whole run and of each step ({@code NAME_seconds}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timing(Double totalSeconds, Map<String, Double> steps) {
    public Timing {
        steps = steps == null ? null : new LinkedHashMap<>(steps);
    }
}
