package org.bayes2imc.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations as users write them for evaluation times: a number with an optional unit —
 * ns, us, ms, s, m|min, h, d, w, mo (a twelfth of a year), y (Julian year, 365.25 d) — e.g. "20s", "1h", "30d",
 * "1y", "1e7s"; a plain number is seconds.
 */
public final class Durations {
    public static final double MINUTE = 60.0;
    public static final double HOUR = 3600.0;
    public static final double DAY = 86_400.0;
    public static final double WEEK = 7 * DAY;
    public static final double YEAR = 365.25 * DAY;
    public static final double MONTH = YEAR / 12.0;
    private static final Pattern FORMAT = Pattern.compile(
            "([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([a-zA-Zµ]*)");

    private Durations() {
    }

    /** Seconds in the duration; IllegalArgumentException (one line) for malformed, negative or infinite values. */
    public static double parseSeconds(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration (use e.g. 20s, 1h, 1d, 1y, 1e7s)");
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (use e.g. 20s, 1h, 1d, 1y, 1e7s)");
        }
        double value = Double.parseDouble(m.group(1));
        double unit = unitSeconds(m.group(2).toLowerCase(Locale.ROOT), text);
        double seconds = value * unit;
        if (seconds < 0.0) {
            throw new IllegalArgumentException("negative duration '" + text + "'");
        }
        if (Double.isInfinite(seconds) || Double.isNaN(seconds)) {
            throw new IllegalArgumentException("duration '" + text + "' is not finite");
        }
        return seconds;
    }

    /** A comma-separated list, e.g. "20s,1h,1d,1mo,1y,1e7s,10y". */
    public static List<Double> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty list of durations");
        }
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(parseSeconds(part));
        }
        return out;
    }

    /** A short label: the largest unit in which the value is a whole number (20s, 1h, 1d, 1y), else "1e+07s". */
    public static String label(double seconds) {
        String[] names = {"y", "mo", "w", "d", "h", "min", "s"};
        double[] units = {YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, 1.0};
        for (int i = 0; i < units.length; i++) {
            double v = seconds / units[i];
            boolean tooLong = units[i] == 1.0 && v >= 1e4; // 10000000s reads better as 1e7s
            if (v >= 1.0 && !tooLong && Math.abs(v - Math.rint(v)) < 1e-9 * v) {
                return (long) Math.rint(v) + names[i];
            }
        }
        if (seconds == 0.0) {
            return "0s";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(seconds).round(new java.math.MathContext(4)).stripTrailingZeros();
        String plain = seconds >= 1e4 || seconds < 1e-2
                ? d.toString().replace("E+", "e").replace("E", "e") : d.toPlainString();
        return plain + "s";
    }

    private static double unitSeconds(String unit, String text) {
        return switch (unit) {
            case "", "s", "sec", "secs", "second", "seconds" -> 1.0;
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "m", "min", "mins", "minute", "minutes" -> MINUTE;
            case "h", "hr", "hour", "hours" -> HOUR;
            case "d", "day", "days" -> DAY;
            case "w", "week", "weeks" -> WEEK;
            case "mo", "month", "months" -> MONTH;
            case "y", "yr", "year", "years" -> YEAR;
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "' in '" + text
                    + "' (use ns, us, ms, s, min, h, d, w, mo, y)");
        };
    }
}
