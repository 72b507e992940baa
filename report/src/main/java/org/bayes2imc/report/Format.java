package org.bayes2imc.report;

import java.util.Locale;

/** Number, duration and HTML-escaping helpers for the report's text; missing values print as an em dash. */
final class Format {
    static final String MISSING = "\u2014";

    private Format() {
    }

    /** A fraction in [0, 1] shown as a percentage with two decimals. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f %%", 100 * fraction) : MISSING;
    }

    /** A fraction shown as "mean ± std %" (spreads over deployments). */
    static String percentSpread(double meanFraction, double stdFraction) {
        if (!Double.isFinite(meanFraction)) {
            return MISSING;
        }
        if (!Double.isFinite(stdFraction)) {
            return percent(meanFraction);
        }
        return String.format(Locale.ROOT, "%.2f \u00b1 %.2f %%", 100 * meanFraction, 100 * stdFraction);
    }

    static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : MISSING;
    }

    static String spread(double mean, double std, int decimals) {
        if (!Double.isFinite(mean)) {
            return MISSING;
        }
        if (!Double.isFinite(std)) {
            return number(mean, decimals);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f \u00b1 %." + decimals + "f", mean, std);
    }

    /** Four significant digits, switching to scientific notation for very large or small magnitudes. */
    static String significant(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        double a = Math.abs(value);
        if (a != 0 && (a < 1e-3 || a >= 1e9)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (a == Math.rint(a)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A time in seconds in the unit a reader thinks in (s, min, h, days, years). */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return MISSING;
        }
        double a = Math.abs(seconds);
        if (a < 60) {
            return significant(seconds) + " s";
        }
        if (a < 3600) {
            return number(seconds / 60, 1) + " min";
        }
        if (a < 86400) {
            return number(seconds / 3600, 1) + " h";
        }
        if (a < 365.25 * 86400) {
            return number(seconds / 86400, 1) + " days";
        }
        return number(seconds / (365.25 * 86400), 1) + " years";
    }

    static String html(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
