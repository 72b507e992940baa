package org.bayes2imc.hardware;

import java.util.List;

/**
 * results.json {@code ppa} of the demo (docs/RESULTS.md): one row per network, design, mode and sparsity, and the
 * energy and area of each component of every row.
 */
public record PpaTables(String opsDefinition, List<PpaRow> rows, List<Breakdown> breakdown) {

    /** One component of one table row: energy per inference (µJ) and area (mm²). */
    public record Breakdown(String network, String design, String mode, String sparsity, String component,
                            double energyUj, double areaMm2) {
    }
}
