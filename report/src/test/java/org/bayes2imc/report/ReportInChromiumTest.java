package org.bayes2imc.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the report of the complete fixture in real headless Chromium (Debian packages chromium and chromium-driver)
 * and fails on any console error, any image that did not load, or any resource fetched from outside the file.
 * Leaves the report in target/browser-report/ and a full-page screenshot in target/report-screenshot.png.
 */
class ReportInChromiumTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

    @TempDir
    Path profile;

    @Test
    void reportOpensInHeadlessChromiumWithoutErrorsAndEveryImageLoads() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .withFailMessage("headless Chromium is needed for this test but %s or %s is missing: install the Debian "
                        + "packages with `apt-get install -y --no-install-recommends chromium chromium-driver` "
                        + "(.ci/run does this)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Path dir = Files.createDirectories(Path.of("target", "browser-report"));
        ResultsFixture.writeComplete(dir);
        Path report = ReportBuilder.build(dir).toAbsolutePath();
        int expectedImages = ReportHtml.images(Files.readString(report)).size();
        assertThat(expectedImages).isEqualTo(9);

        // Never let Selenium Manager look for (or download) a driver: the service names the Debian driver.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get(report.toUri().toString());
            JavascriptExecutor js = driver;
            assertThat(driver.getTitle()).startsWith("Bayes2IMC report");

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> images = (List<Map<String, Object>>) js.executeScript(
                    "return Array.from(document.images).map(i => ({id: i.id, complete: i.complete,"
                            + " naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight,"
                            + " width: i.getAttribute('width'), height: i.getAttribute('height')}));");
            assertThat(images).hasSize(expectedImages);
            for (Map<String, Object> img : images) {
                assertThat(img.get("complete")).as("%s complete", img.get("id")).isEqualTo(true);
                assertThat(((Number) img.get("naturalWidth")).longValue()).as("%s loaded", img.get("id"))
                        .isEqualTo(Long.parseLong((String) img.get("width")));
                assertThat(((Number) img.get("naturalHeight")).longValue()).as("%s loaded", img.get("id"))
                        .isEqualTo(Long.parseLong((String) img.get("height")));
            }
            @SuppressWarnings("unchecked")
            List<String> fetched = (List<String>) js.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name);");
            assertThat(fetched).as("resources fetched by the page").allMatch(u -> u.startsWith("data:") || u.startsWith("file:"));

            List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(console).as("browser console").noneMatch(e -> e.getLevel().intValue() >= Level.WARNING.intValue());

            saveFullPageScreenshot(driver);
        } finally {
            driver.quit();
        }
        var shot = ImageIO.read(SCREENSHOT.toFile());
        assertThat(shot.getWidth()).isGreaterThanOrEqualTo(1000);
        assertThat(shot.getHeight()).as("whole page captured, not just the viewport").isGreaterThan(3000);
    }

    /** Chrome's DevTools capture of the whole page (beyond the viewport), via chromedriver's CDP pass-through. */
    private static void saveFullPageScreenshot(ChromeDriver driver) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = ((Number) content.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).as("screenshot decodes").isNotNull();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
    }
}
