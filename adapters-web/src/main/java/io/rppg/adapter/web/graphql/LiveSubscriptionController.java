package io.rppg.adapter.web.graphql;

import graphql.GraphQLContext;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LiveStreamUseCase.Subscribing;
import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subscriptions fed by the live scans' fan-out ({@link LiveStreamUseCase#subscribe}): a subscriber on any node hears
 * the windows and the end of a stream running on another.
 */
@Controller
class LiveSubscriptionController {

    private final LiveStreamUseCase live;
    private final GetScanSessionQuery oneSession;

    LiveSubscriptionController(LiveStreamUseCase live, GetScanSessionQuery oneSession) {
        this.live = live;
        this.oneSession = oneSession;
    }

    /** The status now, then each live condition and the end; completes at the end. */
    @SubscriptionMapping
    Flux<Map<String, Object>> sessionStatus(@Argument String id, GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        var session = sessionId(id);
        var now = oneSession.getScanSession(tenant, session).orElseThrow(() -> GraphQlProblem.sessionNotFound(id));
        return Flux.create(sink -> {
            sink.next(change(now));
            if (now.statusAt(Instant.now()).isFinished()) {
                sink.complete();
                return;
            }
            follow(tenant, session, id, sink, message -> switch (message) {
                case LiveMessage.Status(var ignored, var condition, var at) -> {
                    var body = new LinkedHashMap<String, Object>();
                    body.put("sessionId", id);
                    body.put("status", "PROCESSING");
                    body.put("condition", condition.name());
                    body.put("message", condition.message());
                    body.put("atSeconds", VitalsReport.round(at, 3));
                    yield body;
                }
                case LiveMessage.Ended(var ignored, var scan) -> change(scan);
                case LiveMessage.Window window -> null;
            });
        });
    }

    /** Each live window; completes when the stream ends. */
    @SubscriptionMapping
    Flux<Map<String, Object>> liveWindows(@Argument String sessionId, GraphQLContext context) {
        var tenant = GraphQlCaller.tenant(context);
        var session = sessionId(sessionId);
        return Flux.create(sink -> follow(tenant, session, sessionId, sink, message -> switch (message) {
            case LiveMessage.Window(var ignored, var window) -> window(sessionId, window);
            case LiveMessage.Status status -> null;
            case LiveMessage.Ended ended -> null;
        }));
    }

    /**
     * Subscribes {@code sink} to the session's live messages, each turned into an event by {@code event} (null: not
     * one for this subscription); the end of the scan completes the sink, and cancelling the sink unsubscribes.
     */
    private void follow(TenantId tenant, ScanSessionId session, String id, FluxSink<Map<String, Object>> sink,
                        java.util.function.Function<LiveMessage, Map<String, Object>> event) {
        var subscribing = live.subscribe(tenant, session, message -> {
            var next = event.apply(message);
            if (next != null) {
                sink.next(next);
            }
            if (message instanceof LiveMessage.Ended) {
                sink.complete();
            }
        });
        switch (subscribing) {
            // On a sink that has already completed (a scan that had ended) this cancels at once.
            case Subscribing.Subscribed(var subscription) -> sink.onDispose(subscription::cancel);
            case Subscribing.SessionNotFound() -> sink.error(GraphQlProblem.sessionNotFound(id));
        }
    }

    private static ScanSessionId sessionId(String id) {
        if (!ScanSessionId.isWellFormed(id)) {
            throw GraphQlProblem.sessionNotFound(id);
        }
        return new ScanSessionId(id);
    }

    private static Map<String, Object> change(ScanSession scan) {
        var body = new LinkedHashMap<String, Object>();
        body.put("sessionId", scan.id().value());
        body.put("status", scan.statusAt(Instant.now()).name());
        body.put("session", new SessionNode(scan, Instant.now()));
        return body;
    }

    private static Map<String, Object> window(String sessionId, LiveWindow window) {
        var body = new LinkedHashMap<String, Object>();
        body.put("sessionId", sessionId);
        body.put("t", VitalsReport.round(window.endSeconds(), 3));
        body.put("heartRate", VitalsReport.round(window.heartRate(), 1));
        body.put("confidence", VitalsReport.round(window.confidence(), 2));
        body.put("snr", VitalsReport.round(window.snrDb(), 1));
        body.put("windowSeconds", VitalsReport.round(window.windowSeconds(), 2));
        body.put("waveform", Arrays.stream(window.waveform()).map(v -> VitalsReport.round(v, 3)).boxed().toList());
        body.put("waveformRate", window.waveformRate());
        return body;
    }
}
