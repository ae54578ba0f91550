package io.rppg.domain.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionOwnerTest {

    @Test
    void printsAsItsValue() {
        assertThat(new SessionOwner("key_live_1")).hasToString("key_live_1");
    }

    @Test
    void mustBeNonBlankAndAtMost100Characters() {
        assertThatThrownBy(() -> new SessionOwner(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionOwner("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionOwner("o".repeat(101))).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new SessionOwner("o".repeat(100))).doesNotThrowAnyException();
    }
}
