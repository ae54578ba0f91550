package io.rppg.domain.tenant;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanIdTest {

    private static final String TEXT = "00000000-0000-4000-8000-000000000001";

    @Test
    void parsesAUuidAndPrintsItBack() {
        PlanId id = PlanId.of(TEXT);
        assertThat(id.value()).isEqualTo(UUID.fromString(TEXT));
        assertThat(id).hasToString(TEXT);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new PlanId(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan id is required");
    }

    @Test
    void rejectsTextThatIsNotAUuid() {
        assertThatThrownBy(() -> PlanId.of("basic")).isInstanceOf(IllegalArgumentException.class);
    }
}
