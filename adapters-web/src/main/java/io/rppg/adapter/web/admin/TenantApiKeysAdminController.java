package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ManageApiKeysUseCase;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

import static io.rppg.adapter.web.admin.AdminResponses.actor;
import static io.rppg.adapter.web.admin.AdminResponses.missingField;
import static io.rppg.adapter.web.admin.AdminResponses.pathId;
import static io.rppg.adapter.web.admin.AdminResponses.tenantId;
import static io.rppg.adapter.web.admin.AdminResponses.unwrap;

/** A tenant's API keys. The secret appears once, in the answer to its creation. */
@RestController
@RequestMapping("/api/v1/admin/tenants/{tenantId}/api-keys")
class TenantApiKeysAdminController {

    private final ManageApiKeysUseCase apiKeys;

    TenantApiKeysAdminController(ManageApiKeysUseCase apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKeyView create(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId,
                          @RequestBody(required = false) KeyRequest request) {
        if (request == null || request.name() == null) {
            throw missingField("name");
        }
        var created = unwrap(apiKeys.createApiKey(actor(caller), tenantId(tenantId), request.name()));
        var key = created.key();
        return new CreatedKeyView(key.id().toString(), key.name(), key.prefix(), created.secret(),
                key.owner().value(), key.createdAt().toString());
    }

    @GetMapping
    List<KeyView> list(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId) {
        return unwrap(apiKeys.listApiKeys(actor(caller), tenantId(tenantId)), all -> all.stream().map(KeyView::of).toList());
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId, @PathVariable String keyId) {
        unwrap(apiKeys.revokeApiKey(actor(caller), tenantId(tenantId), new ApiKeyId(pathId(keyId, "API key"))));
    }


    record KeyRequest(String name) {
    }

    record CreatedKeyView(String id, String name, String prefix, String key, String owner, String createdAt) {
        @Override
        public String toString() {
            return "CreatedKeyView[id=" + id + ", prefix=" + prefix + ", key=<hidden>]";
        }
    }

    record KeyView(String id, String name, String prefix, String owner, String createdAt, String lastUsedAt,
                   String revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id().toString(), key.name(), key.prefix(), key.owner().value(),
                    key.createdAt().toString(), text(key.lastUsedAt()), text(key.revokedAt()));
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }
}
