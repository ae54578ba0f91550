package io.rppg.adapter.web.error;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * A failure that means the database cannot be reached for now (down, restarting, unreachable), not that the request or
 * the code is wrong: every surface answers it with 503 {@code SERVICE_UNAVAILABLE} and {@code Retry-After}. The pool
 * reconnects by itself once the database is back.
 */
public final class DatabaseOutage {

    /** Long enough for a restarting database, short enough that clients notice its return soon. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * PostgreSQL's SQLSTATEs of a server going away or not taking connections yet: admin_shutdown, crash_shutdown,
     * cannot_connect_now. Class 08 (connection exceptions) is matched whole.
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private static final int DEEPEST_CAUSE = 20;

    private DatabaseOutage() {
    }

    /** Whether the failure, or one of its causes, is the database being out of reach. */
    public static boolean isCauseOf(Throwable failure) {
        var cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (isOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    public static ApiError error() {
        return ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        "The service is briefly unavailable. Try again in " + RETRY_AFTER_SECONDS + " seconds.")
                .withDetail("retry_after", RETRY_AFTER_SECONDS);
    }

    private static boolean isOutage(Throwable failure) {
        if (failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessResourceException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState());
        }
        return false;
    }
}
