package org.bayes2imc.report;

/**
 * One rendered plot of the report: a PNG image (pixels {@code width}×{@code height}) with the one-line caption that
 * says what it shows and the settings that produced it.
 */
public record Figure(String id, String title, String caption, byte[] png, int width, int height) {
    public Figure {
        if (png == null || png.length == 0) {
            throw new IllegalArgumentException("figure " + id + " has no image");
        }
    }

    /** The image as a data URI, so the report needs no external file. */
    public String dataUri() {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    }
}
