package io.rppg.bootstrap.browser;

import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A live scan in Chromium: its fake camera plays a generated face, the page records it with MediaRecorder and sends
 * the pieces over the WebSocket, and shows the heart rate each second and the report at the end.
 */
class LiveScanPageTest extends BrowserTest {

    /** A still face at a known heart rate, longer than the scan so that the camera's loop never shows. */
    private static final FaceVideoSpec FACE = FaceVideoSpec.defaults().withSeconds(34).withHeartRate(76).withSeed(5);

    @Test
    void showsTheHeartRateWhileScanningAndTheReportAtTheEnd() {
        var camera = FakeCamera.of(FACE, "live-face");
        var truth = camera.truth().heartRateBpm();
        var member = api.createMember();
        var driver = browser(camera, true);
        signIn(driver, member);
        new Select(driver.findElement(By.id("live-seconds"))).selectByValue("30");

        driver.findElement(By.id("live-start")).click();
        var started = Instant.now();
        waitFor(driver, Duration.ofSeconds(20), d -> d.findElement(By.id("live-stop")).isEnabled());
        // The page's scan clock starts between the click and the moment Stop was seen enabled.
        var scanning = Instant.now();

        // After 15 s of scanning the page shows a heart rate read from the stream.
        waitFor(driver, Duration.ofSeconds(40), d -> Duration.between(started, Instant.now()).toSeconds() >= 15
                && !d.findElement(By.id("live-hr")).getText().equals("--"));
        var liveHeartRate = Double.parseDouble(driver.findElement(By.id("live-hr")).getText());
        assertThat(drawn(driver, "live-wave")).as("the pulse is drawn as it arrives").isTrue();
        assertThat(drawn(driver, "face-box")).as("the face box is drawn over the preview").isTrue();
        Chromium.screenshots(driver, "live-scanning");
        assertThat(liveHeartRate).as("the page's heart rate after 15 s").isCloseTo(truth, within(5.0));
        // The ring shows the share of the scan's 30 s gone by: no less than the time since Stop was seen enabled
        // (less the ring's 200 ms tick), no more than the time since the click.
        var readFrom = Instant.now();
        var progress = Integer.parseInt(driver.findElement(By.id("live-progress")).getAttribute("aria-valuenow"));
        var readUntil = Instant.now();
        var least = (int) Math.floor((Duration.between(scanning, readFrom).toMillis() - 500) / 300.0);
        var most = (int) Math.ceil(Duration.between(started, readUntil).toMillis() / 300.0);
        assertThat(progress).as("the progress ring, in %% of the scan's 30 s").isBetween(least, Math.min(most, 100));

        // At the end of the scan's 30 s the page stops by itself and shows the report.
        waitFor(driver, Duration.ofSeconds(60), d -> d.findElement(By.id("report")).isDisplayed()
                || !d.findElement(By.id("live-error")).getText().isBlank());
        assertThat(driver.findElement(By.id("live-error")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("report-failure")).isDisplayed()).isFalse();
        var finalHeartRate = Double.parseDouble(driver.findElement(By.id("r-hr")).getText());
        assertThat(finalHeartRate).as("the report's heart rate").isCloseTo(truth, within(3.0));
        // The camera is released once the scan ends.
        assertThat(driver.executeScript("return document.getElementById('preview').srcObject")).isNull();
        Chromium.screenshots(driver, "live-report", "report");
    }
}
