package io.rppg.adapter.persistence.webhook;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.WebhookDeliveryPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.port.out.WebhookEndpointPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcWebhookDeliveryAdapterTest extends WebhookDeliveryPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private WebhookDeliveryPort deliveries;
    @Autowired
    private WebhookEndpointPort endpoints;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected WebhookDeliveryPort deliveries() {
        return deliveries;
    }

    @Override
    protected WebhookEndpointPort endpoints() {
        return endpoints;
    }
}
