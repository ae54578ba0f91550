package io.rppg.adapter.web.security;

import io.rppg.adapter.web.Routes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPathsTest {

    @Test
    void everyLoginIsOpenAndNothingElseOfTheSurfaces() {
        Routes.LOGINS.forEach(path -> assertThat(SecurityConfiguration.isPublicPath(path)).as(path).isTrue());
        assertThat(SecurityConfiguration.isPublicPath(Routes.NERVOSCAN_SUBMIT)).isFalse();
        assertThat(SecurityConfiguration.isPublicPath(Routes.NERVOSCAN_CHECK)).isFalse();
        assertThat(SecurityConfiguration.isPublicPath("/api/v1/scan-session")).isFalse();
        assertThat(SecurityConfiguration.isPublicPath("/error")).isTrue();
    }
}
