package io.rppg.application.fakes;

import io.rppg.application.contract.Tenancy;
import io.rppg.application.contract.WebhookDeliveryPortContract;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.port.out.WebhookEndpointPort;

class InMemoryWebhookDeliveryPortTest extends WebhookDeliveryPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final InMemoryWebhookEndpointPort endpoints = new InMemoryWebhookEndpointPort();
    private final WebhookDeliveryPort deliveries = new InMemoryWebhookDeliveryPort(endpoints);

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
