package io.rppg.adapter.persistence.webhook;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.WebhookEndpointPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.WebhookEndpointPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcWebhookEndpointAdapterTest extends WebhookEndpointPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private WebhookEndpointPort endpoints;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected WebhookEndpointPort endpoints() {
        return endpoints;
    }
}
