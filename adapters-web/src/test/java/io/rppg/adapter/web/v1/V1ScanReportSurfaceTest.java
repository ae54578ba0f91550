package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.WebSliceTest;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.PulseSpectrum;
import io.rppg.domain.vitals.PulseWaveform;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pictures of a scan and the pulse its vitals can include, over the v1 surface. */
class V1ScanReportSurfaceTest extends WebSliceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private final TenantId tenant = newTenantId();

    private ScanSession open(String random) {
        return ScanSession.open(ScanSessionId.issue(NOW, random), tenant, new SessionOwner("key_app"), NOW);
    }

    private ScanSession completed(String random) {
        var vitals = new Vitals(new HeartRate(71.96), Measurement.notMeasured("short"), Measurement.notMeasured("short"),
                new SignalQuality(6, null, 0.8), new Confidence(0.7), "pos", 0.2, 6)
                .withPulse(new PulseWaveform(30, List.of(0.0, 0.5, 1.0, 0.5, 0.0, -1.0), List.of(0.0667)),
                        new PulseSpectrum(List.of(71.5, 72.0, 72.5), List.of(0.5, 1.0, 0.25), 71.96));
        var session = open(random).acceptVideo(NOW).complete(vitals, NOW.plusSeconds(5));
        when(getSession.getScanSession(tenant, session.id())).thenReturn(Optional.of(session));
        return session;
    }

    @Test
    void includeAddsTheWaveformAndTheSpectrumToTheVitals() throws Exception {
        var session = completed("aaaaaaaa");
        var path = "/api/v1/scan-session/" + session.id().value() + "/vitals";

        mvc.perform(get(path).header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vitals.waveform").doesNotExist())
                .andExpect(jsonPath("$.vitals.spectrum").doesNotExist());
        mvc.perform(get(path).param("include", "waveform").header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(jsonPath("$.vitals.waveform.sample_rate_hz").value(30.0))
                .andExpect(jsonPath("$.vitals.waveform.values.length()").value(6))
                .andExpect(jsonPath("$.vitals.waveform.values[2]").value(1.0))
                .andExpect(jsonPath("$.vitals.waveform.beats_s[0]").value(0.0667))
                .andExpect(jsonPath("$.vitals.spectrum").doesNotExist());
        mvc.perform(get(path).param("include", "spectrum, waveform").header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(jsonPath("$.vitals.waveform.values.length()").value(6))
                .andExpect(jsonPath("$.vitals.spectrum.bpm[1]").value(72.0))
                .andExpect(jsonPath("$.vitals.spectrum.power[2]").value(0.25))
                .andExpect(jsonPath("$.vitals.spectrum.peak_bpm").value(72.0));
    }

    @Test
    void anUnknownIncludeIsAValidationErrorInTheV1Shape() throws Exception {
        var session = completed("bbbbbbbb");

        mvc.perform(get("/api/v1/scan-session/" + session.id().value() + "/vitals").param("include", "waveform,face")
                        .header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("VALIDATION_ERROR"))
                .andExpect(jsonPath("$.field").value("include"));
    }

    @Test
    void aCompletedScansPictureIsAnSvgAndTheSameDrawingAsAPng() throws Exception {
        var session = completed("cccccccc");
        var base = "/api/v1/scan-session/" + session.id().value();

        var svg = mvc.perform(get(base + "/report.svg").header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andReturn().getResponse().getContentAsString();
        assertThat(svg).contains("<svg").contains(">72.0 bpm<");
        var png = mvc.perform(get(base + "/report.png").header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(svg).contains("height=\"" + image.getHeight() + "\"");
    }

    @Test
    void aFailedScansPictureSaysWhyAndAPendingOneAnswersAsItsVitals() throws Exception {
        var failed = open("dddddddd").acceptVideo(NOW).fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED), NOW);
        when(getSession.getScanSession(tenant, failed.id())).thenReturn(Optional.of(failed));
        var pending = open("eeeeeeee");
        when(getSession.getScanSession(tenant, pending.id())).thenReturn(Optional.of(pending));

        mvc.perform(get("/api/v1/scan-session/" + failed.id().value() + "/report.svg")
                        .header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No face detected in video")));
        mvc.perform(get("/api/v1/scan-session/" + pending.id().value() + "/report.png")
                        .header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.session_id").value(pending.id().value()));
    }

    @Test
    void anUnknownSessionsPictureIsNotFoundInTheV1ShapeEvenWhenAnImageIsAsked() throws Exception {
        var unknown = open("ffffffff").id();
        when(getSession.getScanSession(tenant, unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/scan-session/" + unknown.value() + "/report.png").header("Accept", "image/png")
                        .header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("SESSION_NOT_FOUND"));
        mvc.perform(get("/api/v1/scan-session/" + unknown.value() + "/report.svg"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
    }
}
