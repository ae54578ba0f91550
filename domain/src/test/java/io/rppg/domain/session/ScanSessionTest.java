package io.rppg.domain.session;

import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanSessionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ScanSessionId ID = new ScanSessionId("sess_20260301100000_abc12345");
    private static final TenantId TENANT = new TenantId(UUID.fromString("3f2b8c1e-4d5a-4b6c-9d7e-0a1b2c3d4e5f"));
    private static final SessionOwner OWNER = new SessionOwner("key_1");
    private static final Vitals VITALS = new Vitals(new HeartRate(70), Measurement.notMeasured("too short"),
            Measurement.notMeasured("too few beats"), new SignalQuality(5, 0.9, 0.9), new Confidence(0.9),
            "pos", 20, 600);
    private static final AnalysisFailure NO_FACE = AnalysisFailure.of(FailureCode.NO_FACE_DETECTED);

    private static ScanSession opened() {
        return ScanSession.open(ID, TENANT, OWNER, T0);
    }

    private static ScanSession processing() {
        return opened().acceptVideo(T0.plusSeconds(60));
    }

    @Test
    void anOpenedSessionIsPendingAndLives24Hours() {
        ScanSession session = opened();
        assertThat(ScanSession.LIFETIME).isEqualTo(Duration.ofHours(24));
        assertThat(session.status()).isEqualTo(ScanStatus.PENDING);
        assertThat(session.createdAt()).isEqualTo(T0);
        assertThat(session.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(session.id()).isEqualTo(ID);
        assertThat(session.tenantId()).isEqualTo(TENANT);
        assertThat(session.owner()).isEqualTo(OWNER);
        assertThat(session.videoReceivedAt()).isNull();
        assertThat(session.finishedAt()).isNull();
        assertThat(session.vitals()).isNull();
        assertThat(session.failure()).isNull();
    }

    @Test
    void pendingSessionWithinItsLifetimeIsPending() {
        assertThat(opened().statusAt(T0.plus(Duration.ofHours(24)).minusNanos(1))).isEqualTo(ScanStatus.PENDING);
        assertThat(opened().isExpiredAt(T0.plus(Duration.ofHours(24)).minusNanos(1))).isFalse();
    }

    @Test
    void pendingSessionPastItsLifetimeIsExpired() {
        assertThat(opened().statusAt(T0.plus(Duration.ofHours(25)))).isEqualTo(ScanStatus.EXPIRED);
    }

    @Test
    void pendingSessionExpiresExactlyAtExpiresAt() {
        Instant expiresAt = T0.plus(ScanSession.LIFETIME);
        assertThat(opened().isExpiredAt(expiresAt)).isTrue();
        assertThat(opened().statusAt(expiresAt)).isEqualTo(ScanStatus.EXPIRED);
    }

    @Test
    void expiryDoesNotChangeTheStoredStatus() {
        ScanSession session = opened();
        session.statusAt(T0.plus(Duration.ofDays(2)));
        assertThat(session.status()).isEqualTo(ScanStatus.PENDING);
    }

    @Test
    void processingSessionPastItsLifetimeKeepsItsStatus() {
        assertThat(processing().statusAt(T0.plus(Duration.ofDays(2)))).isEqualTo(ScanStatus.PROCESSING);
    }

    @Test
    void finishedSessionsPastTheirLifetimeKeepTheirStatus() {
        Instant late = T0.plus(Duration.ofDays(2));
        assertThat(processing().complete(VITALS, T0.plusSeconds(90)).statusAt(late)).isEqualTo(ScanStatus.COMPLETED);
        assertThat(processing().fail(NO_FACE, T0.plusSeconds(90)).statusAt(late)).isEqualTo(ScanStatus.FAILED);
    }

    @Test
    void acceptingAVideoStartsProcessingAndRecordsWhen() {
        Instant uploaded = T0.plusSeconds(60);
        ScanSession session = opened().acceptVideo(uploaded);
        assertThat(session.status()).isEqualTo(ScanStatus.PROCESSING);
        assertThat(session.videoReceivedAt()).isEqualTo(uploaded);
        assertThat(session.createdAt()).isEqualTo(T0);
        assertThat(session.expiresAt()).isEqualTo(T0.plus(ScanSession.LIFETIME));
    }

    @Test
    void aPendingSessionCanAcceptAVideoUntilItExpires() {
        assertThat(opened().canAcceptVideoAt(T0)).isTrue();
        assertThat(opened().canAcceptVideoAt(T0.plus(ScanSession.LIFETIME).minusNanos(1))).isTrue();
        assertThat(opened().canAcceptVideoAt(T0.plus(ScanSession.LIFETIME))).isFalse();
    }

    @Test
    void cannotAcceptAVideoTwice() {
        ScanSession session = processing();
        assertThat(session.canAcceptVideoAt(T0.plusSeconds(61))).isFalse();
        assertThatThrownBy(() -> session.acceptVideo(T0.plusSeconds(61)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROCESSING");
    }

    @Test
    void cannotAcceptAVideoAfterExpiry() {
        assertThatThrownBy(() -> opened().acceptVideo(T0.plus(ScanSession.LIFETIME)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EXPIRED");
    }

    @Test
    void cannotAcceptAVideoOnceFinished() {
        ScanSession completed = processing().complete(VITALS, T0.plusSeconds(90));
        ScanSession failed = processing().fail(NO_FACE, T0.plusSeconds(90));
        assertThatThrownBy(() -> completed.acceptVideo(T0.plusSeconds(100))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failed.acceptVideo(T0.plusSeconds(100))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void completingAProcessingSessionCarriesTheVitals() {
        Instant done = T0.plusSeconds(90);
        ScanSession session = processing().complete(VITALS, done);
        assertThat(session.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(session.vitals()).isEqualTo(VITALS);
        assertThat(session.failure()).isNull();
        assertThat(session.finishedAt()).isEqualTo(done);
        assertThat(session.videoReceivedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void failingAProcessingSessionCarriesTheFailure() {
        Instant done = T0.plusSeconds(90);
        ScanSession session = processing().fail(NO_FACE, done);
        assertThat(session.status()).isEqualTo(ScanStatus.FAILED);
        assertThat(session.failure()).isEqualTo(NO_FACE);
        assertThat(session.vitals()).isNull();
        assertThat(session.finishedAt()).isEqualTo(done);
    }

    @Test
    void completeRequiresVitals() {
        assertThatThrownBy(() -> processing().complete(null, T0.plusSeconds(90)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failRequiresAFailure() {
        assertThatThrownBy(() -> processing().fail(null, T0.plusSeconds(90)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completeOnlyWhileProcessing() {
        assertThatThrownBy(() -> opened().complete(VITALS, T0.plusSeconds(90)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not processing");
        ScanSession completed = processing().complete(VITALS, T0.plusSeconds(90));
        assertThatThrownBy(() -> completed.complete(VITALS, T0.plusSeconds(95)))
                .isInstanceOf(IllegalStateException.class);
        ScanSession failed = processing().fail(NO_FACE, T0.plusSeconds(90));
        assertThatThrownBy(() -> failed.complete(VITALS, T0.plusSeconds(95)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failOnlyWhileProcessing() {
        assertThatThrownBy(() -> opened().fail(NO_FACE, T0.plusSeconds(90)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not processing");
        ScanSession completed = processing().complete(VITALS, T0.plusSeconds(90));
        assertThatThrownBy(() -> completed.fail(NO_FACE, T0.plusSeconds(95)))
                .isInstanceOf(IllegalStateException.class);
        ScanSession failed = processing().fail(NO_FACE, T0.plusSeconds(90));
        assertThatThrownBy(() -> failed.fail(NO_FACE, T0.plusSeconds(95)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void turnaroundIsTheTimeFromUploadToTheEndOfAnalysis() {
        ScanSession session = opened().acceptVideo(T0.plusSeconds(60)).complete(VITALS, T0.plusSeconds(105));
        assertThat(session.turnaround()).isEqualTo(Duration.ofSeconds(45));
        ScanSession failed = opened().acceptVideo(T0.plusSeconds(60)).fail(NO_FACE, T0.plusSeconds(62));
        assertThat(failed.turnaround()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void turnaroundIsUnknownBeforeProcessingEnds() {
        assertThatThrownBy(() -> opened().turnaround()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> processing().turnaround()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requiresIdTenantOwnerStatusAndTimes() {
        Instant exp = T0.plus(ScanSession.LIFETIME);
        assertThatThrownBy(() -> new ScanSession(null, TENANT, OWNER, ScanStatus.PENDING, T0, exp,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSession(ID, null, OWNER, ScanStatus.PENDING, T0, exp,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, null, ScanStatus.PENDING, T0, exp,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, null, T0, exp,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, ScanStatus.PENDING, null, exp,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, ScanStatus.PENDING, T0, null,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mustExpireAfterItWasCreated() {
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, ScanStatus.PENDING, T0, T0,
                null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a session must expire after it was created");
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, ScanStatus.PENDING, T0, T0.minusSeconds(1),
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompletedSessionMustCarryVitals() {
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, ScanStatus.COMPLETED, T0,
                T0.plus(ScanSession.LIFETIME), T0, T0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a completed session carries vitals");
    }

    @Test
    void aFailedSessionMustCarryItsFailure() {
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, ScanStatus.FAILED, T0,
                T0.plus(ScanSession.LIFETIME), T0, T0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed session carries its failure");
    }

    @Test
    void onlyACompletedSessionCarriesVitals() {
        for (ScanStatus status : new ScanStatus[] {ScanStatus.PENDING, ScanStatus.PROCESSING, ScanStatus.EXPIRED}) {
            assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, status, T0,
                    T0.plus(ScanSession.LIFETIME), null, null, VITALS, null))
                    .as(status.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("only a completed session carries vitals");
        }
        assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, ScanStatus.FAILED, T0,
                T0.plus(ScanSession.LIFETIME), T0, T0, VITALS, NO_FACE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAFailedSessionCarriesAFailure() {
        for (ScanStatus status : new ScanStatus[] {ScanStatus.PENDING, ScanStatus.PROCESSING, ScanStatus.EXPIRED}) {
            assertThatThrownBy(() -> new ScanSession(ID, TENANT, OWNER, status, T0,
                    T0.plus(ScanSession.LIFETIME), null, null, null, NO_FACE))
                    .as(status.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("only a failed session carries a failure");
        }
    }
}
