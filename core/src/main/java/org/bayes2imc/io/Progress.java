package org.bayes2imc.io;

/**
 * Progress of a long task (training epochs, deployments, sweeps), reported by the domain code and shown by the
 * front end (a console progress bar with rate and ETA in the CLI). {@link #NONE} discards it.
 */
public interface Progress {
    Progress NONE = (task, total) -> new Task() {
        @Override
        public void step(long n) {
        }

        @Override
        public void message(String extra) {
        }

        @Override
        public void close() {
        }
    };

    /** Starts a task with a known number of steps (units such as images or deployments). */
    Task start(String task, long totalSteps);

    /** One running task. */
    interface Task extends AutoCloseable {
        void step(long n);

        /** Extra text shown beside the bar (loss, accuracy, rate of something). */
        void message(String extra);

        @Override
        void close();
    }
}
