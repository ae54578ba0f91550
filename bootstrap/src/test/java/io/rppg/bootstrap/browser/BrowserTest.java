package io.rppg.bootstrap.browser;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: the whole platform with a worker analysing on the real signal engine (the properties of
 * the scan tests, so that Spring starts one context for both), and Chromium opening its scan page. Each test's
 * browsers are closed after it.
 */
@TestPropertySource(properties = {
        "rppg.scan.worker.enabled=true",
        "db-scheduler.polling-interval=250ms",
        "rppg.data-dir=target/scan-test-data"})
abstract class BrowserTest extends PlatformTest {

    /** How long a scan of a test video may take from upload to a final status. */
    static final Duration ANALYSIS_PATIENCE = Duration.ofSeconds(120);

    @Autowired
    private Scheduler scheduler;

    protected BrowserApi api;
    private final List<ChromeDriver> drivers = new ArrayList<>();

    @BeforeEach
    void startScanning() {
        Chromium.requireInstalled();
        api = new BrowserApi(port);
        scheduler.resume();
    }

    @AfterEach
    void closeBrowsers() {
        scheduler.pause();
        var errors = new ArrayList<String>();
        try {
            drivers.forEach(driver -> errors.addAll(Chromium.pageErrors(driver)));
        } finally {
            drivers.forEach(ChromeDriver::quit);
            drivers.clear();
        }
        assertThat(errors).as("script errors and policy violations in the page's console").isEmpty();
    }

    /** Whether a canvas has anything drawn on it. */
    protected static boolean drawn(ChromeDriver driver, String canvasId) {
        return (Boolean) driver.executeScript("""
                const canvas = document.getElementById(arguments[0]);
                if (canvas.hidden || canvas.width === 0 || canvas.height === 0) return false;
                const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
                return pixels.some(value => value !== 0);
                """, canvasId);
    }

    /** A browser whose camera plays the fake camera's file (or none), closed after the test. */
    protected ChromeDriver browser(FakeCamera camera, boolean grantCamera) {
        var driver = Chromium.start(camera == null ? null : camera.y4m(), grantCamera);
        drivers.add(driver);
        return driver;
    }

    protected ChromeDriver browser() {
        return browser(null, true);
    }

    protected String pageUrl() {
        return uri("/app/").toString();
    }

    /** Opens the page and signs in with email and password; returns when the workspace shows. */
    protected void signIn(ChromeDriver driver, BrowserApi.Member member) {
        driver.get(pageUrl());
        type(driver, "login-email", member.email());
        type(driver, "login-password", member.password());
        driver.findElement(By.id("login-submit")).click();
        waitFor(driver, Duration.ofSeconds(20), d -> d.findElement(By.id("workspace")).isDisplayed());
    }

    protected static void type(ChromeDriver driver, String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    protected static <T> T waitFor(ChromeDriver driver, Duration patience, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, patience, Duration.ofMillis(200)).until(condition);
    }

    /** Waits until the element's text is not empty, and returns it. */
    protected static String textOf(ChromeDriver driver, String id, Duration patience) {
        return waitFor(driver, patience, d -> {
            WebElement element = d.findElement(By.id(id));
            var text = element.getText().trim();
            return text.isEmpty() ? null : text;
        });
    }
}
