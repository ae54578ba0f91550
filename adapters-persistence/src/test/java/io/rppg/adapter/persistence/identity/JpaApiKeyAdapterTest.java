package io.rppg.adapter.persistence.identity;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ApiKeyPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ApiKeyPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JpaApiKeyAdapterTest extends ApiKeyPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ApiKeyPort apiKeys;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ApiKeyPort apiKeys() {
        return apiKeys;
    }
}
