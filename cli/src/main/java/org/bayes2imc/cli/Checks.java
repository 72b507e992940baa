package org.bayes2imc.cli;

import java.util.Locale;

/**
 * The one validation layer of the command line: every option is checked here, before any file is read, any data is
 * fetched or any computation starts, and a refusal is one line naming the option, its value and the allowed range
 * (exit 2 through {@link Main}). Limits are caps on what a run on one machine can finish, not physics: a count
 * beyond them either exhausts the heap or runs for days.
 */
final class Checks {
    /** Ensemble members S: published studies use 10–100; 10,000 is already 1,000× the papers' S. */
    static final int MAX_SAMPLES = 10_000;
    /** Independent programmings K of a core. */
    static final int MAX_DEPLOYMENTS = 10_000;
    /** Devices characterised by {@code device}: each holds five doubles, so 10^8 is already ~4 GB. */
    static final int MAX_DRAWS = 100_000_000;
    /** Reference devices per layer for global drift compensation (a crossbar column holds at most 4096). */
    static final int MAX_REFERENCE_DEVICES = 1_000_000;
    /** Worker threads: more than this only adds scheduling overhead (and ForkJoinPool refuses > 32767). */
    static final int MAX_THREADS = 1024;
    /** Share of the heap a command's result arrays may take; the rest is working memory. */
    static final double HEAP_SHARE = 0.8;

    private Checks() {
    }

    /** An integer option in [min, max]. */
    static int range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", got " + value);
        }
        return (int) value;
    }

    /** A count of at least 1 with a cap. */
    static int count(String option, long value, long max) {
        return range(option, value, 1, max);
    }

    /** A finite real option in [min, max]. */
    static double range(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be in [" + num(min) + ", " + num(max) + "], got " + num(value));
        }
        return value;
    }

    /** A real option strictly inside (min, max). */
    static double open(String option, double value, double min, double max) {
        if (!(value > min && value < max)) {
            throw new IllegalArgumentException(option + " must be in (" + num(min) + ", " + num(max) + "), got " + num(value));
        }
        return value;
    }

    /** A limit on images: 0 = all, else at least 1. */
    static int limit(String option, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must be >= 0 (0 = all), got " + value);
        }
        return value;
    }

    /** Worker threads: 0 = all available processors, else 1..{@link #MAX_THREADS}; returns the resolved count. */
    static int threads(String option, int value) {
        range(option, value, 0, MAX_THREADS);
        return value == 0 ? Runtime.getRuntime().availableProcessors() : value;
    }

    /** A comma-separated list of times after programming ("20s,1h,1e7s"): each parsed and >= 0, or refused naming the option. */
    static double[] secondsList(String option, String text) {
        double[] seconds;
        try {
            seconds = org.bayes2imc.device.Durations.parseList(text).stream().mapToDouble(Double::doubleValue).toArray();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + text + "': " + e.getMessage());
        }
        for (double sec : seconds) {
            if (!(sec >= 0) || Double.isInfinite(sec)) {
                throw new IllegalArgumentException(option + " '" + text + "': times must be finite and >= 0 s, got " + sec);
            }
        }
        return seconds;
    }

    /** A time after programming ("20s", "1h", "1e7s"): parsed, finite and >= 0, or refused naming the option. */
    static double seconds(String option, String text) {
        double s;
        try {
            s = org.bayes2imc.device.Durations.parseSeconds(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + text + "': " + e.getMessage());
        }
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException(option + " must be a finite time >= 0 s, got " + text);
        }
        return s;
    }

    /** Crossbar edge: a power of two between 8 and 4096 (published arrays are 64..1024). */
    static int arraySize(String option, int value) {
        if (value < 8 || value > 4096 || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(option + " must be a power of two in 8..4096, got " + value);
        }
        return value;
    }

    /** Bits of a word, ADC or activation: 1..16 (wider parts are not priced by the models). */
    static int bits(String option, int value) {
        return range(option, value, 1, 16);
    }

    /** The deterministic-synapse threshold ε: p < ε or p > 1 − ε is deterministic, so ε must lie in (0, 0.5). */
    static double epsilon(String option, double value) {
        return open(option, value, 0, 0.5);
    }

    /** A noise or drift scale: 1 = published, 0 = off, at most 100 (beyond, drift exponents overflow). */
    static double scale(String option, double value) {
        return range(option, value, 0, 100);
    }

    /**
     * Refuses a run whose result arrays alone would not fit the heap, before it starts rather than as an
     * OutOfMemoryError after minutes. {@code what} names the options that set the size.
     */
    static void memory(String what, double bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > HEAP_SHARE * max) {
            throw new IllegalArgumentException(what + " needs " + size(bytes) + " of memory, more than "
                    + (int) (100 * HEAP_SHARE) + " % of the " + size(max) + " heap (lower it, or raise -Xmx in BAYES2IMC_JAVA_OPTS)");
        }
    }

    static String size(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", bytes, units[u]);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
