package io.rppg.bootstrap.browser;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The SDK module ({@code /sdk/rppg.js}) run in Chromium against the real server: each test imports it into a page of
 * this origin and runs an async script that answers with plain values, so the assertions stay in Java.
 */
class SdkTest extends BrowserTest {

    private static String faceVideoBase64;
    private static FaceVideoTruth faceTruth;

    private ChromeDriver driver;

    @BeforeEach
    void openAPageOfThisOrigin() {
        driver = browser();
        driver.get(uri("/app/").toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void logsInAndScansAVideoWithProgress() {
        var member = api.createMember();

        Map<String, Object> result = run("""
                const rppg = new sdk.RppgClient({ pollIntervalMs: 500 });
                await rppg.login(args.email, args.password);
                const phases = [];
                const report = await rppg.scanVideo(file(args.video, "face.mp4", "video/mp4"),
                    { onProgress: p => phases.push(p.phase + ":" + p.fraction.toFixed(2)) });
                return { heartRate: report.vitals.heart_rate, status: report.status, phases,
                         signedIn: rppg.isSignedIn, stored: localStorage.length + sessionStorage.length };
                """, Map.of("email", member.email(), "password", member.password(), "video", faceVideo()));

        assertThat(result.get("status")).isEqualTo("completed");
        assertThat(((Number) result.get("heartRate")).doubleValue()).isCloseTo(faceTruth.heartRateBpm(), within(3.0));
        assertThat((List<Object>) result.get("phases")).startsWith("uploading:0.00").contains("uploading:1.00")
                .endsWith("processing:1.00", "completed:1.00");
        assertThat(result.get("signedIn")).isEqualTo(true);
        assertThat(((Number) result.get("stored")).intValue()).isZero();
    }

    @Test
    void refreshesItsTokensAndKeepsWorking() {
        var member = api.createMember();

        Map<String, Object> result = run("""
                const rppg = new sdk.RppgClient();
                await rppg.login(args.email, args.password);
                const before = await rppg.credential();
                await rppg.refresh();
                const after = await rppg.credential();
                const listing = await rppg.listSessions({ limit: 5 });
                return { changed: before !== after, sessions: listing.sessions.length };
                """, Map.of("email", member.email(), "password", member.password()));

        assertThat(result).containsEntry("changed", true);
        assertThat(((Number) result.get("sessions")).intValue()).isZero();
    }

    @Test
    void typesEveryRefusalByItsApiCode() {
        var member = api.createMember(1, 10_000);

        Map<String, Object> result = run("""
                const caught = async call => {
                  try { await call(); return "no error"; }
                  catch (e) { return { type: e.name, code: e.code, status: e.status, message: e.message,
                                       isRppgError: e instanceof sdk.RppgError }; }
                };
                const rppg = new sdk.RppgClient({ apiKey: args.key });
                await rppg.createSession();
                return {
                  wrongPassword: await caught(() => new sdk.RppgClient().login(args.email, "not the password")),
                  quota: await caught(() => rppg.createSession()),
                  unknownSession: await caught(() => rppg.getVitals("sess_20260101000000_abcdefghijklmnopqrstuvwxyz")),
                  forgedKey: await caught(() => new sdk.RppgClient({ apiKey: "rppg_live_forged" }).listSessions()),
                  notSignedIn: await caught(() => new sdk.RppgClient().createSession()),
                };
                """, Map.of("email", member.email(), "key", member.apiKey()));

        assertThat(result.get("wrongPassword")).isEqualTo(Map.of("type", "AuthenticationError",
                "code", "INVALID_CREDENTIALS", "status", 401L, "message", "the email or password is wrong",
                "isRppgError", true));
        assertThat(result.get("quota")).isEqualTo(Map.of("type", "QuotaError", "code", "NO_SCANS_AVAILABLE",
                "status", 402L, "message", "No scans available!", "isRppgError", true));
        assertThat(field(result, "unknownSession", "type")).isEqualTo("NotFoundError");
        assertThat(field(result, "unknownSession", "code")).isEqualTo("SESSION_NOT_FOUND");
        assertThat(field(result, "forgedKey", "type")).isEqualTo("AuthenticationError");
        assertThat(field(result, "forgedKey", "status")).isEqualTo(401L);
        assertThat(field(result, "notSignedIn", "code")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aSpentAllowanceIsARateLimitErrorWithItsWait() {
        var member = api.createMember(1000, 2);

        Map<String, Object> result = run("""
                const rppg = new sdk.RppgClient({ apiKey: args.key });
                for (let i = 0; i < 5; i++) {
                  try { await rppg.listSessions(); }
                  catch (e) { return { type: e.name, code: e.code, retryAfter: e.retryAfter, calls: i }; }
                }
                return { type: "none" };
                """, Map.of("key", member.apiKey()));

        assertThat(result).containsEntry("type", "RateLimitError").containsEntry("code", "RATE_LIMIT_EXCEEDED");
        assertThat(((Number) result.get("retryAfter")).intValue()).isPositive();
        assertThat(((Number) result.get("calls")).intValue()).isEqualTo(2);
    }

    @Test
    void speaksNervoscanForClientsMigratingFromIt() {
        var member = api.createMember();

        Map<String, Object> result = run("""
                const rppg = new sdk.RppgClient({ pollIntervalMs: 500 });
                await rppg.nervoscan.clientLogin(args.username, args.password);
                const { jobId } = await rppg.nervoscan.clientGetUrl();
                await rppg.nervoscan.submitScan(jobId, file(args.video, "recording.mp4", "video/mp4"), { patient: "p-17" });
                let status = "Pending";
                while (status === "Pending") {
                  await new Promise(resolve => setTimeout(resolve, 1000));
                  status = (await rppg.nervoscan.check(jobId)).job_status;
                }
                const info = await rppg.nervoscan.getCustomerInfo([jobId]);
                const job = info.estimates[0][0];
                let unknownJob;
                try { await rppg.nervoscan.check("sess_20260101000000_abcdefghijklmnopqrstuvwxyz"); }
                catch (e) { unknownJob = e.code; }
                return { status, heartRate: job.scan_details[0].HR, patient: job.meta_data.patient, unknownJob };
                """, Map.of("username", member.username(), "password", member.password(), "video", faceVideo()));

        assertThat(((Number) result.get("heartRate")).doubleValue()).isCloseTo(faceTruth.heartRateBpm(), within(3.0));
        assertThat(result).containsEntry("patient", "p-17").containsEntry("unknownJob", "JOB_NOT_REGISTERED");
    }

    /**
     * Runs an async function body in the page with {@code sdk} (the imported module), {@code args} and
     * {@code file(base64, name, type)} in scope; a thrown error fails the test with its name, code and message.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String body, Map<String, Object> args) {
        var script = """
                const done = arguments[arguments.length - 1];
                const args = arguments[0];
                const file = (base64, name, type) => new File(
                    [Uint8Array.from(atob(base64), c => c.charCodeAt(0))], name, { type });
                import("/sdk/rppg.js").then(async sdk => {
                  try {
                    done({ ok: await (async () => { %s })() });
                  } catch (e) {
                    done({ failed: e.name + " " + (e.code || "") + ": " + e.message });
                  }
                }, e => done({ failed: "import: " + e }));
                """.formatted(body);
        var answer = (Map<String, Object>) driver.executeAsyncScript(script, args);
        assertThat(answer).as("the script's outcome").doesNotContainKey("failed");
        return (Map<String, Object>) answer.get("ok");
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> result, String entry, String name) {
        return ((Map<String, Object>) result.get(entry)).get(name);
    }

    /** A 12 s generated face (MP4, mpeg4), rendered once, as base64 for the page. */
    private static synchronized String faceVideo() {
        if (faceVideoBase64 == null) {
            try {
                var path = Files.createTempFile("sdk-face", ".mp4");
                faceTruth = FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeed(23), path);
                faceVideoBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(path));
                Files.delete(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return faceVideoBase64;
    }
}
