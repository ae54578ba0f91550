package io.rppg.adapter.web.error;

import io.rppg.adapter.web.Routes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSurfaceTest {

    @Test
    void everyNervoscanRouteHasTheNervoscanShape() {
        for (var path : Routes.NERVOSCAN) {
            assertThat(ApiSurface.of(path)).as(path).isEqualTo(ApiSurface.NERVOSCAN);
            assertThat(ApiSurface.of(path + "/")).as(path).isEqualTo(ApiSurface.NERVOSCAN);
        }
        assertThat(ApiSurface.of("/clientlogin%00")).isEqualTo(ApiSurface.V1);
    }

    @Test
    void bothV2PrefixesHaveTheV2Shape() {
        assertThat(ApiSurface.of(Routes.V2_LOGIN)).isEqualTo(ApiSurface.V2);
        assertThat(ApiSurface.of(Routes.API_V2_REFRESH)).isEqualTo(ApiSurface.V2);
        assertThat(ApiSurface.of("/v2")).isEqualTo(ApiSurface.V2);
        assertThat(ApiSurface.of("/v2x/a")).isEqualTo(ApiSurface.V1);
        assertThat(ApiSurface.of("/api/v1/admin/plans")).isEqualTo(ApiSurface.V1);
        assertThat(ApiSurface.of(null)).isEqualTo(ApiSurface.V1);
    }
}
