package org.bayes2imc.hardware;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A running sum of energy (pJ) or area (µm²) by component name, in first-seen order (the breakdowns). */
public final class Tally {
    private final Map<String, Double> byComponent = new LinkedHashMap<>();

    /** Adds count × perUnit under the component's name. */
    public void add(Component c, double count, double perUnit) {
        byComponent.merge(c.name(), count * perUnit, Double::sum);
    }

    public void addAll(Tally other, double times) {
        other.byComponent.forEach((k, v) -> byComponent.merge(k, v * times, Double::sum));
    }

    public double total() {
        return byComponent.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double get(String component) {
        return byComponent.getOrDefault(component, 0.0);
    }

    public Map<String, Double> asMap() {
        return Collections.unmodifiableMap(byComponent);
    }
}
