package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One resumable step of the demo pipeline: its name (the file DIR/steps/NAME.json that stores its output), the
 * settings its output depends on (a rerun with equal settings reuses the stored output, see {@link StepCache}),
 * and the work.
 */
public interface DemoStep {
    String name();

    /** The settings the output depends on: the step's cache key. */
    JsonNode settings();

    /** Computes the step's output. */
    JsonNode run();
}
