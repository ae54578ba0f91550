package io.rppg.domain.identity;

/** What a new password must be: long enough to resist guessing, short enough for the hash to handle. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** In bytes of UTF-8, which is what bcrypt takes (and all it takes): 72 plain ASCII characters, fewer others. */
    public static final int MAX_LENGTH = 72;

    private PasswordPolicy() {
    }

    /** Empty when acceptable, else the reason a person can act on. */
    public static java.util.Optional<String> problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return java.util.Optional.of("password must have at least " + MIN_LENGTH + " characters");
        }
        if (utf8Bytes(password) > MAX_LENGTH) {
            return java.util.Optional.of("password must have at most " + MAX_LENGTH
                    + " bytes in UTF-8 (" + MAX_LENGTH + " plain ASCII characters, fewer accented or other ones)");
        }
        if (password.isBlank()) {
            return java.util.Optional.of("password must not be blank");
        }
        return java.util.Optional.empty();
    }

    private static int utf8Bytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            i += Character.charCount(codePoint);
        }
        return bytes;
    }
}
