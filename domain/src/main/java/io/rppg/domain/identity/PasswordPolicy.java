package io.rppg.domain.identity;

/** What a new password must be: long enough to resist guessing, short enough for the hash to handle. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 72;

    private PasswordPolicy() {
    }

    /** Empty when acceptable, else the reason a person can act on. */
    public static java.util.Optional<String> problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return java.util.Optional.of("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return java.util.Optional.of("password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return java.util.Optional.of("password must not be blank");
        }
        return java.util.Optional.empty();
    }
}
