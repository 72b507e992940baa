package org.bayes2imc.report;

import java.util.Objects;

/**
 * One quantitative claim of a source document beside our figure on the same footing (issue 13, docs/VALIDATION.md).
 *
 * @param id       short stable identifier (HTML row id {@code claim-ID})
 * @param source   which source makes the claim: "Bayes2IMC" (seeds/000) or "Sparsity" (seeds/001)
 * @param claim    the source's claim, in its own numbers
 * @param ours     our figure from results.json, or why there is none and where it is
 * @param measured whether {@code ours} is a figure read from this results.json
 * @param command  the command that reproduces our figure
 * @param reason   why our figure differs from the source's (or why it is on the same footing)
 */
record Claim(String id, String source, String claim, String ours, boolean measured, String command, String reason) {
    /** Said when a run did not produce the inputs of a figure; docs/VALIDATION.md holds one for every claim. */
    static final String NOT_MEASURED = "not measured by this run: see docs/VALIDATION.md";

    Claim {
        for (String s : new String[]{id, source, claim, ours, command, reason}) {
            Objects.requireNonNull(s);
            if (s.isBlank()) {
                throw new IllegalArgumentException("every field of a claims row must be filled: " + id);
            }
        }
    }
}
