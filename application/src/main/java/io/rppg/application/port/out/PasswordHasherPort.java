package io.rppg.application.port.out;

/** A strong adaptive password hash (salted, deliberately slow). */
public interface PasswordHasherPort {

    String hash(String rawPassword);

    boolean matches(String rawPassword, String hash);
}
