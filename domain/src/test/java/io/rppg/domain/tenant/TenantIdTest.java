package io.rppg.domain.tenant;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantIdTest {

    private static final String TEXT = "3f2b8c1e-4d5a-4b6c-9d7e-0a1b2c3d4e5f";

    @Test
    void parsesAUuidAndPrintsItBack() {
        TenantId id = TenantId.of(TEXT);
        assertThat(id.value()).isEqualTo(UUID.fromString(TEXT));
        assertThat(id).hasToString(TEXT);
    }

    @Test
    void equalTextsGiveEqualIds() {
        assertThat(TenantId.of(TEXT)).isEqualTo(TenantId.of(TEXT));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new TenantId(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenant id is required");
    }

    @Test
    void rejectsTextThatIsNotAUuid() {
        assertThatThrownBy(() -> TenantId.of("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    }
}
