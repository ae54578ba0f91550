package io.rppg.domain.live;

import io.rppg.domain.Require;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;

/** What the subscribers of a live session are told: a window's heart rate, a condition, or the scan's end. */
public sealed interface LiveMessage {

    ScanSessionId session();

    record Window(ScanSessionId session, LiveWindow window) implements LiveMessage {
        public Window {
            Require.present(session, "session");
            Require.present(window, "window");
        }
    }

    /** No heart rate at the moment, and why; {@code atSeconds} from the start of the stream. */
    record Status(ScanSessionId session, LiveCondition condition, double atSeconds) implements LiveMessage {
        public Status {
            Require.present(session, "session");
            Require.present(condition, "condition");
        }
    }

    /** The scan ended: completed with its vitals, or failed with its reason, exactly as every surface reads it. */
    record Ended(ScanSessionId session, ScanSession scan) implements LiveMessage {
        public Ended {
            Require.present(session, "session");
            Require.present(scan, "scan");
            if (scan.status() != ScanStatus.COMPLETED && scan.status() != ScanStatus.FAILED) {
                throw new IllegalArgumentException("an ended scan is completed or failed");
            }
        }
    }
}
