package org.bayes2imc.cli.demo;

/**
 * One resumable step of the demo pipeline: its name (the file DIR/steps/NAME.json that stores its output), the
 * settings its output depends on (a rerun with equal settings reuses the stored output, see {@link StepCache}),
 * the type of its output and the work.
 *
 * @param <T> the step's output, a results.json section
 */
public interface DemoStep<T> {
    String name();

    /** The settings the output depends on: the step's cache key, a {@link StepKeys} record. */
    Object settings();

    /** The output's type, to read a stored output back. */
    Class<T> type();

    /** Computes the step's output. */
    T run();
}
