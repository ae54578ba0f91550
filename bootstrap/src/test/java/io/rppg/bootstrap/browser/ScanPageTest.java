package io.rppg.bootstrap.browser;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.adapter.signal.fixture.UnusableVideos;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scan page in Chromium: signing in, uploads and their reports, and the failures a person must understand. */
class ScanPageTest extends BrowserTest {

    @Test
    void signsInWithEmailAndPasswordAndOpensTheWorkspace() {
        var member = api.createMember();
        var driver = browser();
        driver.get(pageUrl());
        Chromium.screenshots(driver, "sign-in");

        signIn(driver, member);

        assertThat(driver.findElement(By.id("account-name")).getText()).isEqualTo(member.email());
        assertThat(driver.findElement(By.id("live")).isDisplayed()).isTrue();
        // The camera is not asked for before Start: the preview has no stream.
        assertThat(driver.executeScript("return document.getElementById('preview').srcObject")).isNull();
        // Tokens stay in memory: nothing in the browser's storage.
        assertThat(driver.executeScript("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        Chromium.screenshots(driver, "live-idle");
    }

    @Test
    void aWrongPasswordIsShownAsTheApisMessage() {
        var member = api.createMember();
        var driver = browser();
        driver.get(pageUrl());
        type(driver, "login-email", member.email());
        type(driver, "login-password", "not the password");
        driver.findElement(By.id("login-submit")).click();

        var message = textOf(driver, "signin-error", Duration.ofSeconds(20));

        assertThat(message).isEqualTo("the email or password is wrong");
        assertThat(driver.findElement(By.id("workspace")).isDisplayed()).isFalse();
        Chromium.screenshots(driver, "wrong-password");
    }

    @Test
    void anApiKeySignsIn() {
        var member = api.createMember();
        var driver = browser();
        driver.get(pageUrl());
        type(driver, "api-key", member.apiKey());
        driver.findElement(By.id("key-submit")).click();

        waitFor(driver, Duration.ofSeconds(20), d -> d.findElement(By.id("workspace")).isDisplayed());

        assertThat(driver.findElement(By.id("account-name")).getText()).startsWith("API key rppg_live_");
    }

    @Test
    void anUploadedVideoShowsItsReport() throws Exception {
        var member = api.createMember();
        var video = Files.createTempFile("face", ".mp4");
        FaceVideoTruth truth = FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(15).withSeed(41), video);
        var driver = browser();
        signIn(driver, member);
        driver.findElement(By.id("tab-upload")).click();

        driver.findElement(By.id("upload-file")).sendKeys(video.toAbsolutePath().toString());

        waitFor(driver, ANALYSIS_PATIENCE, d -> d.findElement(By.id("report")).isDisplayed()
                || !d.findElement(By.id("upload-error")).getText().isBlank());
        assertThat(driver.findElement(By.id("upload-error")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("report-failure")).isDisplayed()).isFalse();
        var heartRate = Double.parseDouble(driver.findElement(By.id("r-hr")).getText());
        assertThat(heartRate).isCloseTo(truth.heartRateBpm(), within(3.0));
        assertThat(((Number) driver.executeScript("return document.getElementById('upload-progress').value")).doubleValue())
                .isEqualTo(1.0);
        assertThat(drawn(driver, "r-series")).as("the heart rate over time is drawn").isTrue();
        assertThat(drawn(driver, "r-wave")).as("the pulse waveform with its beats is drawn").isTrue();
        assertThat(drawn(driver, "r-spectrum")).as("the spectrum with its peak is drawn").isTrue();
        // Every null figure has its reason in words: blood pressure and SpO2 at least.
        assertThat(driver.findElement(By.id("r-unavailable")).getText())
                .contains("Blood pressure: ").contains("Blood oxygen (SpO2): ");
        Chromium.screenshots(driver, "upload-report", "report");
        Files.deleteIfExists(video);
    }

    @Test
    void aVideoWithoutAFaceSaysSo() throws Exception {
        var member = api.createMember();
        var video = UnusableVideos.emptyRoom(Files.createTempFile("empty-room", ".mp4"));
        var driver = browser();
        signIn(driver, member);
        driver.findElement(By.id("tab-upload")).click();

        driver.findElement(By.id("upload-file")).sendKeys(video.toAbsolutePath().toString());

        var message = textOf(driver, "report-failure", ANALYSIS_PATIENCE);
        assertThat(message).isEqualTo("No face detected in video");
        assertThat(driver.findElement(By.id("upload-status")).getText()).isEqualTo("The scan failed.");
        assertThat(driver.findElement(By.id("report-body")).isDisplayed()).isFalse();
        Chromium.screenshots(driver, "no-face");
        Files.deleteIfExists(video);
    }

    @Test
    void aRefusedCameraIsExplained() {
        var member = api.createMember();
        // No fake UI: the permission prompt is never answered yes, and the site's camera permission is denied.
        var driver = browser(null, false);
        signIn(driver, member);
        driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "camera"),
                "setting", "denied", "origin", uri("").toString()));

        driver.findElement(By.id("live-start")).click();

        var message = textOf(driver, "live-error", Duration.ofSeconds(20));
        assertThat(message).startsWith("The camera was refused.");
        assertThat(driver.findElement(By.id("live-start")).isEnabled()).isTrue();
        Chromium.screenshots(driver, "camera-refused");
    }

    @Test
    void theHistoryListsTheTenantsScansAndOpensOne() {
        var member = api.createMember();
        var driver = browser();
        signIn(driver, member);
        var session = BrowserApi.expect(api.postEmpty("/api/v1/scan-session", member.apiKey()), 201).text("session_id");

        driver.findElement(By.id("tab-history")).click();
        var item = waitFor(driver, Duration.ofSeconds(20),
                d -> d.findElement(By.cssSelector("#history-list button[data-session='" + session + "']")));
        assertThat(item.getText()).contains("pending");
        Chromium.screenshots(driver, "history");

        item.click();
        var failure = textOf(driver, "report-failure", Duration.ofSeconds(20));
        assertThat(failure).isEqualTo("This scan is still pending.");
    }
}
