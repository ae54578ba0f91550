package io.rppg.application.fakes;

import io.rppg.application.contract.WebhookEndpointPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.WebhookEndpointPort;

class InMemoryWebhookEndpointPortTest extends WebhookEndpointPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final WebhookEndpointPort endpoints = new InMemoryWebhookEndpointPort();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected WebhookEndpointPort endpoints() {
        return endpoints;
    }
}
