package org.bayes2imc.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: the images of a report page, decoded from their data URIs and keyed by figure id. */
final class ReportHtml {
    private static final Pattern IMG = Pattern.compile("<img\\s[^>]*>");
    private static final Pattern ATTR = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    static final String PNG_PREFIX = "data:image/png;base64,";

    record Img(String id, String src, int widthAttr, int heightAttr, BufferedImage image) {
    }

    private ReportHtml() {
    }

    static Map<String, Img> images(String html) {
        Map<String, Img> out = new LinkedHashMap<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher a = ATTR.matcher(m.group());
            while (a.find()) {
                attrs.put(a.group(1), a.group(2));
            }
            String src = attrs.getOrDefault("src", "");
            BufferedImage image = null;
            if (src.startsWith(PNG_PREFIX)) {
                byte[] png = Base64.getDecoder().decode(src.substring(PNG_PREFIX.length()));
                try {
                    image = ImageIO.read(new ByteArrayInputStream(png));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            String id = attrs.getOrDefault("id", "").replaceFirst("^img-", "");
            out.put(id, new Img(id, src, Integer.parseInt(attrs.getOrDefault("width", "-1")),
                    Integer.parseInt(attrs.getOrDefault("height", "-1")), image));
        }
        return out;
    }

    /** Pixels within a small distance of an RGB colour (anti-aliasing blends edges, so the core of a mark counts). */
    static int pixelsNear(BufferedImage img, int rgb, int tolerance) {
        int r0 = (rgb >> 16) & 0xff;
        int g0 = (rgb >> 8) & 0xff;
        int b0 = rgb & 0xff;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - r0) <= tolerance && Math.abs(((p >> 8) & 0xff) - g0) <= tolerance
                        && Math.abs((p & 0xff) - b0) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
