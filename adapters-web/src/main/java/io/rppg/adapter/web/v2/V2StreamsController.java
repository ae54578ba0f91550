package io.rppg.adapter.web.v2;

import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStart;
import io.rppg.application.port.in.LiveStreamUseCase.StreamStop;
import io.rppg.domain.live.StreamId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Streams without a registered device, for apps that do not register one: the default device settings apply. */
@RestController
class V2StreamsController {

    private final LiveStreamUseCase streams;

    V2StreamsController(LiveStreamUseCase streams) {
        this.streams = streams;
    }

    @PostMapping(value = {"/v2/streams", "/api/v2/streams"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> start(@AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        var tenant = LiveResources.tenantOf(caller);
        return switch (streams.start(new LiveStreamUseCase.StartCommand(tenant, caller.owner(), null))) {
            case StreamStart.Started(var stream) -> LiveResources.started(stream, http);
            case StreamStart.Refused(var refusal) -> throw LiveResources.refused(refusal);
            case StreamStart.DeviceNotFound notFound -> throw new IllegalStateException("no device was named");
            case StreamStart.DeviceBusy busy -> throw new IllegalStateException("no device was named");
        };
    }

    @PostMapping(value = {"/v2/streams/{streamId}/stop", "/api/v2/streams/{streamId}/stop"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> stop(@AuthenticationPrincipal Caller caller, @PathVariable String streamId) {
        var tenant = LiveResources.tenantOf(caller);
        if (!StreamId.isWellFormed(streamId)) {
            throw LiveResources.streamUnavailable("stream '" + streamId.replaceAll("[^A-Za-z0-9_]", "?") + "'");
        }
        return switch (streams.stop(tenant, new LiveStreamUseCase.StopTarget.OfStream(new StreamId(streamId)))) {
            case StreamStop.Stopped(var ended) -> LiveResources.ended(ended);
            case StreamStop.NotStreaming() -> throw LiveResources.streamUnavailable("stream '" + streamId + "'");
            case StreamStop.DeviceNotFound notFound -> throw new IllegalStateException("no device was named");
        };
    }
}
