package io.rppg.application.contract;

import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients attach to their scans, per tenant and session, within the tenant's transaction. It comes back as the
 * same JSON value, not necessarily as the same text: PostgreSQL's jsonb orders keys and spaces them its own way.
 */
public abstract class ScanMetadataPortContract extends PortContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected abstract ScanMetadataPort metadata();

    protected abstract ScanSessionPort sessions();

    @Test
    void keptMetadataIsFoundAsTheSameJson() {
        var tenant = newTenant();
        var session = newSession(tenant);
        var sent = "{\"patient_ref\":\"p-17\", \"age\":42,\"tags\":[\"b\",\"a\"],\"device\":{\"os\":\"iOS\",\"fps\":null}}";

        withinTenant(tenant, () -> metadata().save(tenant.id(), session.id(), sent));

        var found = inTenant(tenant, () -> metadata().find(tenant.id(), session.id())).orElseThrow();
        assertThat(json(found)).isEqualTo(json(sent));
    }

    @Test
    void keepingAgainReplacesTheMetadata() {
        var tenant = newTenant();
        var session = newSession(tenant);
        withinTenant(tenant, () -> metadata().save(tenant.id(), session.id(), "{\"attempt\":1}"));

        withinTenant(tenant, () -> metadata().save(tenant.id(), session.id(), "{\"retry\":true}"));

        var found = inTenant(tenant, () -> metadata().find(tenant.id(), session.id())).orElseThrow();
        assertThat(json(found)).isEqualTo(json("{\"retry\":true}"));
    }

    @Test
    void aSessionWithoutMetadataAndAnotherTenantsSessionHaveNone() {
        var tenant = newTenant();
        var other = newTenant();
        var session = newSession(tenant);
        var bare = newSession(tenant);
        withinTenant(tenant, () -> metadata().save(tenant.id(), session.id(), "{\"a\":1}"));

        assertThat(inTenant(tenant, () -> metadata().find(tenant.id(), bare.id()))).isEmpty();
        assertThat(inTenant(other, () -> metadata().find(other.id(), session.id()))).isEmpty();
    }

    private ScanSession newSession(Tenant tenant) {
        var id = ScanSessionId.issue(now(), UUID.randomUUID().toString().replace("-", ""));
        return inTenant(tenant, () -> sessions().save(
                ScanSession.open(id, tenant.id(), new SessionOwner("key_test"), now())));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
