package io.rppg.adapter.web.error;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean the database is out of reach (503), and which are faults of a request or of the code. */
class DatabaseOutageClassificationTest {

    @Test
    void aConnectionThePoolCouldNotGetIsAnOutageHoweverDeeplyWrapped() {
        var pool = new SQLTransientConnectionException("rppg - Connection is not available, request timed out");
        var transaction = new CannotCreateTransactionException("Could not open JPA EntityManager", pool);

        assertThat(DatabaseOutage.isCauseOf(transaction)).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("use case failed", transaction))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(pool))).isTrue();
    }

    @Test
    void connectionSqlStatesAndServerShutdownsAreOutages() {
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new DataAccessResourceFailureException("connection lost"))).isTrue();
    }

    @Test
    void faultsOfARequestOrOfTheCodeAreNot() {
        assertThat(DatabaseOutage.isCauseOf(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("canceling statement due to statement timeout",
                "57014"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("no state"))).isFalse();
    }

    @Test
    void theAnswerIs503WithTheWaitInRetryAfter() {
        var error = DatabaseOutage.error();

        assertThat(error.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(error.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.details()).containsEntry("retry_after", DatabaseOutage.RETRY_AFTER_SECONDS);
    }
}
