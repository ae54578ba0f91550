package io.rppg.application.identity;

import io.rppg.application.contract.ApiKeyPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ApiKeyPort;

class InMemoryApiKeyPortTest extends ApiKeyPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final ApiKeyPort apiKeys = new IdentityFakes.ApiKeys();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ApiKeyPort apiKeys() {
        return apiKeys;
    }
}
