package io.rppg.application.port.in;

/** A worker sends the webhook deliveries that are due. Safe to run on every node at once. */
public interface DeliverWebhooksUseCase {

    /** @return how many deliveries were attempted */
    int deliverDue(int max);
}
