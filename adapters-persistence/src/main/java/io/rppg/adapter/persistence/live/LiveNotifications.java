package io.rppg.adapter.persistence.live;

import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The text of a live message on the {@code rppg_live} channel: fields separated by {@code |}, none of which can
 * hold one (ids, enum names, numbers). PostgreSQL takes at most 8000 bytes per notification; a window's waveform of
 * at most 30 s at 30 Hz, 3 decimals each, stays well under that.
 *
 * <pre>
 * W|node|tenant|session|end|heart_rate|confidence|snr|window|rate|x,y,w,h or -|v1,v2,...
 * S|node|tenant|session|CONDITION|at
 * E|node|tenant|session
 * </pre>
 */
final class LiveNotifications {

    static final String CHANNEL = "rppg_live";

    private LiveNotifications() {
    }

    /** A notification as received: who sent it, and either a message or the id of a scan that ended. */
    record Notification(String node, TenantId tenant, LiveMessage message, ScanSessionId ended) {
    }

    static String encode(String node, TenantId tenant, LiveMessage message) {
        var head = node + "|" + tenant.value() + "|" + message.session().value() + "|";
        return switch (message) {
            case LiveMessage.Window(var session, var w) -> "W|" + head + String.join("|",
                    number(w.endSeconds()), number(w.heartRate()), number(w.confidence()), number(w.snrDb()),
                    number(w.windowSeconds()), number(w.waveformRate()),
                    w.face() == null ? "-" : w.face().x() + "," + w.face().y() + "," + w.face().width() + ","
                            + w.face().height(),
                    Arrays.stream(w.waveform()).mapToObj(LiveNotifications::number).collect(Collectors.joining(",")));
            case LiveMessage.Status(var session, var condition, var at) ->
                    "S|" + head + condition.name() + "|" + number(at);
            case LiveMessage.Ended ended -> "E|" + head.substring(0, head.length() - 1);
        };
    }

    /** The notification, or empty for text this platform did not write. */
    static Optional<Notification> decode(String text) {
        try {
            var fields = text.split("\\|", -1);
            var node = fields[1];
            var tenant = new TenantId(UUID.fromString(fields[2]));
            var session = new ScanSessionId(fields[3]);
            return Optional.of(switch (fields[0]) {
                case "W" -> new Notification(node, tenant, new LiveMessage.Window(session, new LiveWindow(
                        Double.parseDouble(fields[4]), Double.parseDouble(fields[5]), Double.parseDouble(fields[6]),
                        Double.parseDouble(fields[7]), Double.parseDouble(fields[8]), waveform(fields[11]),
                        Double.parseDouble(fields[9]), face(fields[10]))), null);
                case "S" -> new Notification(node, tenant, new LiveMessage.Status(session,
                        LiveCondition.valueOf(fields[4]), Double.parseDouble(fields[5])), null);
                case "E" -> new Notification(node, tenant, null, session);
                default -> throw new IllegalArgumentException("unknown kind");
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double[] waveform(String text) {
        return text.isEmpty() ? new double[0]
                : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static LiveWindow.FaceBox face(String text) {
        if (text.equals("-")) {
            return null;
        }
        var parts = text.split(",");
        return new LiveWindow.FaceBox(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }
}
