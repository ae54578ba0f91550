package io.rppg.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanSessionIdTest {

    @Test
    void acceptsTheV1Shape() {
        assertThat(new ScanSessionId("sess_20260301101500_abc12345").value()).isEqualTo("sess_20260301101500_abc12345");
    }

    @Test
    void randomPartMayBeFrom8To64LowercaseLettersAndDigits() {
        assertThatCode(() -> new ScanSessionId("sess_20260301101500_" + "a".repeat(8))).doesNotThrowAnyException();
        assertThatCode(() -> new ScanSessionId("sess_20260301101500_" + "0".repeat(64))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "garbage",
            "sess_2026030110150_abc12345",          // 13 digits
            "sess_202603011015000_abc12345",        // 15 digits
            "sess_20260301101500_abc1234",          // random part too short
            "sess_20260301101500_ABC12345",         // upper case
            "sess_20260301101500_abc-1234",         // punctuation
            "SESS_20260301101500_abc12345",
            "sess-20260301101500-abc12345",
            " sess_20260301101500_abc12345",
            "sess_20260301101500_abc12345 ",
            "sess_20260301101500_abc12345\n",
            "job_20260301101500_abc12345"
    })
    void rejectsGarbage(String text) {
        assertThatThrownBy(() -> new ScanSessionId(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a scan session id");
        assertThat(ScanSessionId.isWellFormed(text)).isFalse();
    }

    @Test
    void rejectsARandomPartLongerThan64() {
        String text = "sess_20260301101500_" + "a".repeat(65);
        assertThatThrownBy(() -> new ScanSessionId(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ScanSessionId.isWellFormed(text)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new ScanSessionId(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scan session id is required");
        assertThat(ScanSessionId.isWellFormed(null)).isFalse();
    }

    @Test
    void longGarbageIsAbbreviatedInTheMessage() {
        String text = "x".repeat(500);
        assertThatThrownBy(() -> new ScanSessionId(text))
                .hasMessage("not a scan session id: " + "x".repeat(40) + "...");
    }

    @Test
    void issueStampsTheCreationTimeInUtc() {
        ScanSessionId id = ScanSessionId.issue(Instant.parse("2026-03-01T10:15:30.987Z"), "abc12345");
        assertThat(id.value()).isEqualTo("sess_20260301101530_abc12345");
    }

    @Test
    void issueUsesUtcNotTheLocalCalendarAcrossMidnight() {
        ScanSessionId id = ScanSessionId.issue(Instant.parse("2026-12-31T23:59:59Z"), "zz99zz99");
        assertThat(id.value()).isEqualTo("sess_20261231235959_zz99zz99");
    }

    @Test
    void issueRejectsARandomPartOfTheWrongShape() {
        assertThatThrownBy(() -> ScanSessionId.issue(Instant.parse("2026-03-01T10:15:30Z"), "SHORT"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWellFormedAcceptsAnIssuedId() {
        ScanSessionId id = ScanSessionId.issue(Instant.parse("2026-03-01T10:15:30Z"), "abc12345");
        assertThat(ScanSessionId.isWellFormed(id.value())).isTrue();
    }

    @Test
    void printsAsItsValue() {
        assertThat(new ScanSessionId("sess_20260301101500_abc12345")).hasToString("sess_20260301101500_abc12345");
    }
}
