package org.bayes2imc.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

        ChromeDriver driver = driver(profile);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            // The checks must be able to fail: a page with a corrupt image and a missing file is caught.
            Path broken = profile.resolve("broken.html");
            Files.writeString(broken, "<!DOCTYPE html><html><head><title>broken</title><link rel=\"icon\" href=\"data:,\">"
                    + "</head><body><img id=\"corrupt\" src=\"data:image/png;base64,iVBORw0KGgoAAAAN\" width=\"10\" height=\"10\">"
                    + "<img id=\"missing\" src=\"missing.png\" width=\"10\" height=\"10\"></body></html>");
            List<String> brokenProblems = problems(driver, broken, 2);
            assertThat(brokenProblems).anyMatch(p -> p.contains("corrupt")).anyMatch(p -> p.contains("missing"))
                    .anyMatch(p -> p.startsWith("console"));

            assertThat(problems(driver, report, expectedImages)).as("problems in the report").isEmpty();
            assertThat(driver.getTitle()).startsWith("Bayes2IMC report");
            saveFullPageScreenshot(driver);
        } finally {
            driver.quit();
        }
        var shot = ImageIO.read(SCREENSHOT.toFile());
        assertThat(shot.getWidth()).isGreaterThanOrEqualTo(1000);
        assertThat(shot.getHeight()).as("whole page captured, not just the viewport").isGreaterThan(3000);
    }

    /** Headless Chromium through the Debian chromedriver, with the browser console captured. */
    static ChromeDriver driver(Path profile) {
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
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.resolve("chrome-profile").toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        return new ChromeDriver(service, options);
    }

    @Test
    void designSpacePageOpensWithEveryImageLoadedAndSortsItsTable() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)).as("chromium and chromedriver").isTrue();
        Path dir = Files.createDirectories(Path.of("target", "browser-design-space"));
        SweepFixture.write(dir);
        Path page = DesignSpacePage.build(dir).toAbsolutePath();
        int expectedImages = ReportHtml.images(Files.readString(page)).size();
        assertThat(expectedImages).isEqualTo(6);
        ChromeDriver driver = driver(profile);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            assertThat(problems(driver, page, expectedImages)).as("problems in the design-space page").isEmpty();
            assertThat(driver.getTitle()).isEqualTo("Bayes2IMC design space");
            // sorting by energy (descending after two clicks) puts the dearest cells (adc-imc, S = 10: #9 and #11, in
            // table order as the sort is stable) first
            var header = driver.findElements(org.openqa.selenium.By.cssSelector("#cells th")).stream()
                    .filter(th -> th.getText().startsWith("energy/image")).findFirst().orElseThrow();
            header.click();
            header.click();
            String first = driver.findElement(org.openqa.selenium.By.cssSelector("#cells tbody tr td")).getText();
            assertThat(first).isEqualTo("9");
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())).as("console errors after sorting").isEmpty();
        } finally {
            driver.quit();
        }
    }

    /** What went wrong loading a page: images not loaded at their stated size, outside resources, console errors. */
    private static List<String> problems(ChromeDriver driver, Path page, int expectedImages) {
        driver.get(page.toUri().toString());
        List<String> problems = new java.util.ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) driver.executeScript(
                "return Array.from(document.images).map(i => ({id: i.id, complete: i.complete,"
                        + " naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight,"
                        + " width: i.getAttribute('width'), height: i.getAttribute('height')}));");
        if (images.size() != expectedImages) {
            problems.add("images: " + images.size() + " on the page, expected " + expectedImages);
        }
        for (Map<String, Object> img : images) {
            boolean loaded = Boolean.TRUE.equals(img.get("complete"))
                    && String.valueOf(img.get("naturalWidth")).equals(img.get("width"))
                    && String.valueOf(img.get("naturalHeight")).equals(img.get("height"));
            if (!loaded) {
                problems.add("image " + img.get("id") + " did not load: " + img);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        fetched.stream().filter(u -> !u.startsWith("data:") && !u.startsWith("file:"))
                .forEach(u -> problems.add("outside resource fetched: " + u));
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add("console " + e.getLevel() + ": " + e.getMessage());
            }
        }
        return problems;
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
