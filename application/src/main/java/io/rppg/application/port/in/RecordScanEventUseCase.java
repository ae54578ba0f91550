package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSession;

/**
 * A scan's status changed (accepted for processing, completed, failed): record what must follow from it, such as
 * the webhook deliveries to its tenant's endpoints. Called inside the transaction that changes the session, so
 * what it records is stored if and only if the change is.
 */
public interface RecordScanEventUseCase {

    void scanChanged(ScanSession session);
}
