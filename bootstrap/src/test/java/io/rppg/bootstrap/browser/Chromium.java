package io.rppg.bootstrap.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven through its ChromeDriver, headless, with a fake camera that plays a Y4M file. Nothing is
 * downloaded: both programs come from the {@code chromium} and {@code chromium-driver} packages (or
 * {@code RPPG_CHROMIUM} and {@code RPPG_CHROMEDRIVER}). Where they are missing the browser tests are skipped with a
 * message, except under CI ({@code CI=true}), where a missing browser fails them so that they are never skipped
 * unnoticed.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("RPPG_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("RPPG_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The two layouts every screenshot is taken at: a laptop and a phone. */
    enum Viewport {
        DESKTOP(1280, 800), PHONE(390, 844);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private Chromium() {
    }

    /** Skips the calling test when the browser is missing, or fails it under CI. */
    static void requireInstalled() {
        var missing = !Files.isExecutable(BROWSER) ? BROWSER : !Files.isExecutable(DRIVER) ? DRIVER : null;
        if (missing == null) {
            return;
        }
        var message = "Browser tests need Chromium and ChromeDriver; " + missing + " is missing "
                + "(apt-get install chromium chromium-driver, or set RPPG_CHROMIUM and RPPG_CHROMEDRIVER)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + ". Under CI the browser tests may not be skipped.");
        }
        Assumptions.abort(message + ": skipped.");
    }

    /**
     * A headless Chromium whose camera plays {@code camera} (a Y4M file, looped). With {@code grantCamera} the
     * permission prompt is answered yes; without it nothing answers it, so the page meets a refused camera.
     */
    static ChromeDriver start(Path camera, boolean grantCamera) {
        requireInstalled();
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--window-size=1280,800", "--use-fake-device-for-media-stream");
        // The page's console is read after each test: script errors and policy violations fail it.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (grantCamera) {
            options.addArguments("--use-fake-ui-for-media-stream");
        }
        if (camera != null) {
            options.addArguments("--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(150));
        return driver;
    }

    /**
     * What the page's console reported that no page may: an uncaught script error, or something the
     * Content-Security-Policy refused (an inline script or style, another origin).
     */
    static List<String> pageErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Uncaught") || message.contains("Content Security Policy")
                        || message.contains("Content-Security-Policy"))
                .toList();
    }

    /** Sets the page's viewport (the inner size, not the window's) through the DevTools protocol. */
    static void viewport(ChromeDriver driver, Viewport viewport) {
        driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width, "height", viewport.height, "deviceScaleFactor", 1,
                "mobile", viewport == Viewport.PHONE));
    }

    /**
     * Saves what the page shows, at the viewport's size, as {@code target/screenshots/NAME-WIDTHxHEIGHT.png}, scrolled
     * to an element when an id is given.
     */
    static Path screenshot(ChromeDriver driver, String name, Viewport viewport, String scrollToId) {
        viewport(driver, viewport);
        try {
            Thread.sleep(300);
            if (scrollToId != null) {
                driver.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})",
                        scrollToId);
                Thread.sleep(200);
            }
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + "-" + viewport.width + "x" + viewport.height + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Both layouts, desktop last so the test goes on at its usual size. */
    static void screenshots(ChromeDriver driver, String name) {
        screenshots(driver, name, null);
    }

    /** Both layouts, each scrolled to the element of that id. */
    static void screenshots(ChromeDriver driver, String name, String scrollToId) {
        screenshot(driver, name, Viewport.PHONE, scrollToId);
        screenshot(driver, name, Viewport.DESKTOP, scrollToId);
    }
}
