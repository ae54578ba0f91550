package io.rppg.application.service.live;

import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.DevicePort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.LiveFanOutPort;
import io.rppg.application.port.out.LiveSignalEnginePort;
import io.rppg.application.port.out.LiveSignalEnginePort.MediaIntake;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.application.port.out.LiveStreamLeasePort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.LiveInput;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * Runs the live scans of this node. A stream's analysis lives in the memory of the node that started it; its
 * session, quota and final result live in the database like any scan's, and its messages reach subscribers on
 * every node through {@link LiveFanOutPort}.
 *
 * <p>A stream ends exactly once, whichever comes first: a stop, its {@code max_seconds}, an idle timeout (which is
 * also how long a dropped connection has to come back), samples running ahead of real time, or an abort by its
 * connection. Each feed, stop and sweep of one stream holds that stream's lock, so they follow one another.
 */
public final class LiveStreamService implements LiveStreamUseCase, LiveFanOutPort.Receiver {

    private static final System.Logger log = System.getLogger(LiveStreamService.class.getName());

    /**
     * @param idleTimeout      a stream without samples for this long is ended with what it has
     * @param maxLeadSeconds   how far a stream's samples may run ahead of the time since its first sample arrived
     *                         (a client's buffer); beyond, the client is sending faster than it can capture
     * @param nodeSilence      how long a node may leave its streams' leases unrenewed before another node ends
     *                         their scans (at least two renewals)
     */
    public record Limits(Duration idleTimeout, double maxLeadSeconds, Duration nodeSilence) {
        public Limits {
            if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero() || !(maxLeadSeconds > 0)
                    || nodeSilence == null || nodeSilence.compareTo(RENEWAL.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("live limits must be positive, and a node's silence at least "
                        + "two renewals");
            }
        }
    }

    /** How often a node renews the leases of the streams it runs. */
    static final Duration RENEWAL = Duration.ofSeconds(10);
    /** How often a node looks for streams whose node stopped. */
    private static final Duration LAPSE_CHECK = Duration.ofSeconds(5);

    private final CreateScanSessionUseCase sessionCreation;
    private final ScanSessionPort sessions;
    private final ScanQuotaPort quotas;
    private final DevicePort devices;
    private final LiveSignalEnginePort engine;
    private final LiveFanOutPort fanOut;
    private final RecordScanEventUseCase scanEvents;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;
    private final Limits limits;
    private final LiveStreamLeasePort leases;
    /** This node's name on the leases of the streams it runs: new at every start, so a restarted node is another. */
    private final String node;
    // Both read and written only by the sweep, which one timer thread runs.
    private Instant lastRenewal = Instant.MIN;
    private Instant lastLapseCheck = Instant.MIN;

    private final ConcurrentMap<ScanSessionId, LiveScan> running = new ConcurrentHashMap<>();
    private final ConcurrentMap<ScanSessionId, Set<LiveListener>> listeners = new ConcurrentHashMap<>();

    public LiveStreamService(CreateScanSessionUseCase sessionCreation, ScanSessionPort sessions, ScanQuotaPort quotas,
                             DevicePort devices, LiveSignalEnginePort engine, LiveFanOutPort fanOut,
                             RecordScanEventUseCase scanEvents, TransactionPort transactions, ClockPort clock,
                             IdGeneratorPort ids, LiveStreamLeasePort leases, Limits limits) {
        this.sessionCreation = sessionCreation;
        this.sessions = sessions;
        this.quotas = quotas;
        this.devices = devices;
        this.engine = engine;
        this.fanOut = fanOut;
        this.scanEvents = scanEvents;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.limits = limits;
        this.leases = leases;
        this.node = "node_" + LiveIds.random(ids);
        fanOut.receiveWith(this);
    }

    @Override
    public StreamStart start(StartCommand command) {
        var tenant = command.tenant();
        var config = DeviceConfig.DEFAULT;
        if (command.device() != null) {
            var device = transactions.inTenantTransaction(tenant, () -> devices.findById(tenant, command.device())
                    .map(found -> new DeviceState(found, isBusy(found))));
            if (device.isEmpty()) {
                return new StreamStart.DeviceNotFound(availableDevices(tenant));
            }
            if (device.get().busy()) {
                return new StreamStart.DeviceBusy(device.get().device().currentStream());
            }
            config = device.get().device().config();
        }
        var creation = sessionCreation.createScanSession(new CreateScanSessionUseCase.Command(tenant, command.owner()));
        if (!(creation instanceof SessionCreation.Created(var opened))) {
            return new StreamStart.Refused(creation);
        }
        var streamId = new StreamId("str_" + LiveIds.random(ids));
        var now = clock.now();
        var streamConfig = config;
        StreamStart started = transactions.inTenantTransaction(tenant, () -> {
            var session = sessions.findByIdForUpdate(tenant, opened.id()).orElseThrow();
            if (command.device() != null) {
                var device = devices.findByIdForUpdate(tenant, command.device()).orElseThrow();
                if (isBusy(device)) {
                    // Another start took the device meanwhile: this session never streams, and its scan is given back.
                    sessions.save(session.acceptVideo(now).fail(new AnalysisFailure(FailureCode.PROCESSING_ERROR,
                            "The device started another stream at the same time"), now));
                    quotas.giveBackOne(tenant, UsagePeriod.monthOf(session.createdAt()));
                    return new StreamStart.DeviceBusy(device.currentStream());
                }
                devices.save(device.streaming(streamId, session.id(), now));
            }
            scanEvents.scanChanged(sessions.save(session.acceptVideo(now)));
            leases.hold(tenant, session.id(), streamId, node, now);
            return new StreamStart.Started(new Stream(streamId, session.id(), command.device(), streamConfig, now));
        });
        if (started instanceof StreamStart.Started(var stream)) {
            var analysis = engine.open(new LiveSignalEnginePort.Settings(streamConfig.method(),
                    streamConfig.windowSeconds()));
            // A device's config names its input; a stream without a device takes the kind its first input is.
            var input = command.device() == null ? null : streamConfig.input();
            running.put(stream.session(), new LiveScan(tenant, stream, analysis, input));
        }
        return started;
    }

    private record DeviceState(Device device, boolean busy) {
    }

    /**
     * A device holds a stream until that stream's session ends; a session ended elsewhere frees it. Called inside
     * the tenant's transaction.
     */
    private boolean isBusy(Device device) {
        if (device.status() == Device.Status.IDLE) {
            return false;
        }
        return sessions.findById(device.tenantId(), device.currentSession())
                .map(session -> session.status() == ScanStatus.PROCESSING).orElse(false);
    }

    private List<DeviceId> availableDevices(TenantId tenant) {
        return transactions.inTenantTransaction(tenant, () -> devices.findByTenant(tenant)).stream()
                .map(Device::id).toList();
    }

    @Override
    public StreamStop stop(TenantId tenant, StopTarget target) {
        LiveScan scan = switch (target) {
            case StopTarget.OfStream(var streamId) -> running.values().stream()
                    .filter(candidate -> candidate.tenant.equals(tenant) && candidate.stream.id().equals(streamId))
                    .findFirst().orElse(null);
            case StopTarget.OfDevice(var deviceId) -> {
                var device = transactions.inTenantTransaction(tenant, () -> devices.findById(tenant, deviceId));
                if (device.isEmpty()) {
                    yield null;
                }
                var session = device.get().currentSession();
                yield session == null ? null : running.get(session);
            }
        };
        if (target instanceof StopTarget.OfDevice(var deviceId) && scan == null
                && transactions.inTenantTransaction(tenant, () -> devices.findById(tenant, deviceId)).isEmpty()) {
            return new StreamStop.DeviceNotFound(availableDevices(tenant));
        }
        if (scan == null) {
            return new StreamStop.NotStreaming();
        }
        synchronized (scan) {
            if (scan.ended) {
                return new StreamStop.NotStreaming();
            }
            return new StreamStop.Stopped(end(scan, finishing(scan)));
        }
    }

    @Override
    public Feeding feed(TenantId tenant, ScanSessionId session, List<TraceSample> samples) {
        return whenAdmitted(tenant, session, LiveInput.TRACE, (scan, now) -> {
            var readings = scan.analysis.addTrace(samples);
            var tooFast = tooFast(scan, scan.analysis.seconds(), now);
            if (tooFast != null) {
                end(scan, tooFast);
                return new Feeding.TooFast();
            }
            for (var reading : readings) {
                publish(tenant, message(session, reading));
            }
            if (scan.analysis.seconds() >= scan.stream.config().maxSeconds()) {
                end(scan, finishing(scan));
                return new Feeding.Ended();
            }
            return new Feeding.Accepted();
        });
    }

    @Override
    public Feeding feedMedia(TenantId tenant, ScanSessionId session, byte[] piece) {
        return whenAdmitted(tenant, session, LiveInput.MEDIA, (scan, now) -> {
            if (scan.media == null) {
                scan.media = engine.openMedia(new LiveSignalEnginePort.Settings(scan.stream.config().method(),
                        scan.stream.config().windowSeconds()), new MediaProgress(scan));
            }
            switch (scan.media.take(piece)) {
                case MediaIntake.Taken() -> {
                }
                case MediaIntake.Backlogged(var pending) -> {
                    end(scan, new AnalysisOutcome.Unusable(new AnalysisFailure(FailureCode.INVALID_STREAM,
                            String.format(Locale.ROOT, "The stream sent video faster than it can be decoded in real "
                                    + "time (%d KB waiting)", pending / 1024))));
                    return new Feeding.TooFast();
                }
                case MediaIntake.Refused(var failure) -> {
                    end(scan, new AnalysisOutcome.Unusable(failure));
                    return new Feeding.Ended();
                }
            }
            var tooFast = tooFast(scan, scan.media.seconds(), now);
            if (tooFast != null) {
                end(scan, tooFast);
                return new Feeding.TooFast();
            }
            if (scan.media.seconds() >= scan.stream.config().maxSeconds()) {
                end(scan, finishing(scan));
                return new Feeding.Ended();
            }
            return new Feeding.Accepted();
        });
    }

    /**
     * Hands input of one kind to the tenant's running scan, under the scan's lock and with its input times marked;
     * answers instead when the session is not streaming for this tenant, has ended, or takes the other kind.
     */
    private Feeding whenAdmitted(TenantId tenant, ScanSessionId session, LiveInput kind,
                                 BiFunction<LiveScan, Instant, Feeding> feeding) {
        var scan = running.get(session);
        if (scan == null || !scan.tenant.equals(tenant)) {
            return new Feeding.NotStreaming();
        }
        synchronized (scan) {
            if (scan.ended) {
                return new Feeding.NotStreaming();
            }
            if (!scan.takes(kind)) {
                return new Feeding.WrongInput(scan.input);
            }
            var now = clock.now();
            if (scan.firstInputAt == null) {
                scan.firstInputAt = now;
            }
            scan.lastInputAt = now;
            return feeding.apply(scan, now);
        }
    }

    /** The failure of a stream whose input runs ahead of the time since its first input arrived, or null. */
    private AnalysisOutcome tooFast(LiveScan scan, double streamSeconds, Instant now) {
        double elapsed = Duration.between(scan.firstInputAt, now).toMillis() / 1000.0;
        if (streamSeconds - elapsed <= limits.maxLeadSeconds()) {
            return null;
        }
        return new AnalysisOutcome.Unusable(new AnalysisFailure(FailureCode.INVALID_STREAM,
                String.format(Locale.ROOT, "The stream sent %.1f s of signal in %.1f s: faster than real time",
                        streamSeconds, elapsed)));
    }

    /**
     * What a media stream's decoding worker finds. Its windows are published from the worker without the scan's
     * lock, because a stop holds that lock while it waits for the worker to decode what is queued; whatever ends the
     * stream from here (a failure, its length, a flood) runs on a thread of its own for the same reason.
     */
    private final class MediaProgress implements LiveSignalEnginePort.MediaListener {

        private final LiveScan scan;

        MediaProgress(LiveScan scan) {
            this.scan = scan;
        }

        @Override
        public void progressed(double seconds, List<Reading> readings) {
            if (scan.ended) {
                return;
            }
            for (var reading : readings) {
                publish(scan.tenant, message(scan.stream.session(), reading));
            }
            var now = clock.now();
            // Judged on what was received, not on what was decoded: the decoder keeps to real time by itself, so
            // only the bytes still waiting show a sender that runs ahead; and the sender may have gone quiet.
            var tooFast = scan.firstInputAt == null ? null : tooFast(scan, scan.media.seconds(), now);
            if (tooFast != null) {
                endElsewhere(tooFast);
            } else if (seconds >= scan.stream.config().maxSeconds()) {
                endElsewhere(null);
            }
        }

        @Override
        public void failed(AnalysisFailure failure) {
            endElsewhere(new AnalysisOutcome.Unusable(failure));
        }

        /** Ends the stream with {@code outcome}, or with {@code null} with what it has. */
        private void endElsewhere(AnalysisOutcome outcome) {
            if (scan.ended) {
                return;
            }
            Thread.ofVirtual().name("live-end-" + scan.stream.id().value()).start(() -> {
                synchronized (scan) {
                    if (!scan.ended) {
                        end(scan, outcome != null ? outcome : finishing(scan));
                    }
                }
            });
        }
    }

    private static LiveMessage message(ScanSessionId session, Reading reading) {
        return switch (reading) {
            case Reading.Window(var window) -> new LiveMessage.Window(session, window);
            case Reading.Condition(var condition, var at) -> new LiveMessage.Status(session, condition, at);
        };
    }

    @Override
    public void abort(TenantId tenant, ScanSessionId session, String reason) {
        var scan = running.get(session);
        if (scan == null || !scan.tenant.equals(tenant)) {
            return;
        }
        synchronized (scan) {
            if (!scan.ended) {
                end(scan, new AnalysisOutcome.Unusable(new AnalysisFailure(FailureCode.INVALID_STREAM, reason)));
            }
        }
    }

    @Override
    public Subscribing subscribe(TenantId tenant, ScanSessionId session, LiveListener listener) {
        var now = clock.now();
        var found = transactions.inTenantTransaction(tenant, () -> sessions.findById(tenant, session))
                .filter(candidate -> !candidate.isExpiredAt(now));
        if (found.isEmpty()) {
            return new Subscribing.SessionNotFound();
        }
        var registered = listeners.computeIfAbsent(session, id -> ConcurrentHashMap.newKeySet());
        registered.add(listener);
        Subscription subscription = () -> listeners.computeIfPresent(session, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
        if (found.get().status() == ScanStatus.COMPLETED || found.get().status() == ScanStatus.FAILED) {
            listener.onMessage(new LiveMessage.Ended(session, found.get()));
        }
        return new Subscribing.Subscribed(subscription);
    }

    @Override
    public void sweep(Instant now) {
        endIdleStreams(now);
        if (Duration.between(lastRenewal, now).compareTo(RENEWAL) >= 0) {
            lastRenewal = now;
            transactions.inPlatformTransaction(() -> leases.renew(node, now));
        }
        if (Duration.between(lastLapseCheck, now).compareTo(LAPSE_CHECK) >= 0) {
            lastLapseCheck = now;
            endStreamsOfStoppedNodes(now);
        }
    }

    /**
     * Ends the scans of streams whose node stopped renewing their leases (it died, or lost its database): their
     * analysis died with that node, so the scan fails with the reason and the scan is given back, as for any fault
     * of the platform. One lease a transaction, so a fault leaves the rest for the next sweep.
     */
    private void endStreamsOfStoppedNodes(Instant now) {
        var renewedBefore = now.minus(limits.nodeSilence());
        while (true) {
            var ended = transactions.inPlatformTransaction(() -> leases.takeLapsed(renewedBefore)
                    .map(lapsed -> endLapsed(lapsed, now)));
            if (ended.isEmpty()) {
                return;
            }
            ended.get().ifPresent(session -> publish(session.tenantId(), new LiveMessage.Ended(session.id(), session)));
        }
    }

    /** The session of a lapsed lease, failed; empty if it had ended already. Called in the taking transaction. */
    private Optional<ScanSession> endLapsed(LiveStreamLeasePort.Lapsed lapsed, Instant now) {
        var session = sessions.findByIdForUpdate(lapsed.tenant(), lapsed.session()).orElse(null);
        if (session == null || session.status() != ScanStatus.PROCESSING) {
            return Optional.empty();
        }
        log.log(Level.WARNING, "Ending live stream {0}: its node {1} has not renewed it since {2}", lapsed.stream(),
                lapsed.node(), lapsed.renewedAt());
        quotas.giveBackOne(lapsed.tenant(), UsagePeriod.monthOf(session.createdAt()));
        var failed = sessions.save(session.fail(new AnalysisFailure(FailureCode.PROCESSING_ERROR,
                "The stream's node stopped before the stream ended; the scan was not counted"), now));
        scanEvents.scanChanged(failed);
        return Optional.of(failed);
    }

    private void endIdleStreams(Instant now) {
        for (var scan : running.values()) {
            var lastInput = scan.lastInputAt == null ? scan.stream.startedAt() : scan.lastInputAt;
            boolean idle = Duration.between(lastInput, now).compareTo(limits.idleTimeout()) > 0;
            boolean tooLong = Duration.between(scan.stream.startedAt(), now)
                    .compareTo(Duration.ofSeconds(scan.stream.config().maxSeconds()).plus(limits.idleTimeout())) > 0;
            if (!idle && !tooLong) {
                continue;
            }
            synchronized (scan) {
                if (!scan.ended) {
                    log.log(Level.INFO, "Ending live stream {0}: {1}", scan.stream.id(),
                            idle ? "no input for " + limits.idleTimeout().toSeconds() + " s" : "past its length");
                    end(scan, finishing(scan));
                }
            }
        }
    }

    /** Messages published by other nodes. */
    @Override
    public void received(TenantId tenant, LiveMessage message) {
        deliverHere(message);
    }

    @Override
    public void ended(TenantId tenant, ScanSessionId session) {
        if (!listeners.containsKey(session)) {
            return;
        }
        transactions.inTenantTransaction(tenant, () -> sessions.findById(tenant, session))
                .filter(scan -> scan.status() == ScanStatus.COMPLETED || scan.status() == ScanStatus.FAILED)
                .ifPresent(scan -> deliverHere(new LiveMessage.Ended(session, scan)));
    }

    private AnalysisOutcome finishing(LiveScan scan) {
        try {
            return scan.media != null ? scan.media.finish() : scan.analysis.finish();
        } catch (RuntimeException fault) {
            log.log(Level.ERROR, "The live analysis of " + scan.stream.id() + " failed", fault);
            return null;
        }
    }

    /**
     * Records the end of a stream's scan (vitals, failure, or with {@code outcome} null a fault of the platform, whose
     * scan is given back), frees its device, and tells the subscribers. Called holding the scan's lock.
     */
    private ScanSession end(LiveScan scan, AnalysisOutcome outcome) {
        scan.ended = true;
        running.remove(scan.stream.session(), scan);
        if (scan.media != null) {
            // Whatever ended the stream, its decoding worker ends with it.
            scan.media.close();
        }
        var tenant = scan.tenant;
        var now = clock.now();
        var ended = transactions.inTenantTransaction(tenant, () -> {
            var session = sessions.findByIdForUpdate(tenant, scan.stream.session()).orElse(null);
            freeDevice(scan, now);
            leases.release(scan.stream.session());
            if (session == null || session.status() != ScanStatus.PROCESSING) {
                return session;
            }
            var finished = switch (outcome) {
                case AnalysisOutcome.Measured(var vitals) -> session.complete(vitals, now);
                case AnalysisOutcome.Unusable(var failure) -> session.fail(failure, now);
                case null -> {
                    quotas.giveBackOne(tenant, UsagePeriod.monthOf(session.createdAt()));
                    yield session.fail(AnalysisFailure.of(FailureCode.PROCESSING_ERROR), now);
                }
            };
            var saved = sessions.save(finished);
            scanEvents.scanChanged(saved);
            return saved;
        });
        if (ended != null && ended.status().isFinished()) {
            publish(tenant, new LiveMessage.Ended(ended.id(), ended));
        }
        return ended;
    }

    private void freeDevice(LiveScan scan, Instant now) {
        var deviceId = scan.stream.device();
        if (deviceId == null) {
            return;
        }
        devices.findByIdForUpdate(scan.tenant, deviceId)
                .filter(device -> scan.stream.id().equals(device.currentStream()))
                .ifPresent(device -> devices.save(device.idle(now)));
    }

    private void publish(TenantId tenant, LiveMessage message) {
        deliverHere(message);
        try {
            fanOut.publish(tenant, message);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not fan out a live message of " + message.session() + ": " + e);
        }
    }

    private void deliverHere(LiveMessage message) {
        var registered = listeners.get(message.session());
        if (registered == null) {
            return;
        }
        for (var listener : registered) {
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "A live subscriber of " + message.session() + " failed: " + e);
            }
        }
    }

    /** One running stream: its analysis and the times that its limits are judged by. Guarded by its own lock. */
    private static final class LiveScan {
        final TenantId tenant;
        final Stream stream;
        final LiveSignalEnginePort.LiveAnalysis analysis;
        /** The media stream's analysis, opened by its first piece; null for a trace stream. */
        LiveSignalEnginePort.MediaAnalysis media;
        /** The input the stream takes; null until the first input of a stream without a device. */
        LiveInput input;
        volatile Instant firstInputAt;
        volatile Instant lastInputAt;
        volatile boolean ended;

        LiveScan(TenantId tenant, Stream stream, LiveSignalEnginePort.LiveAnalysis analysis, LiveInput input) {
            this.tenant = tenant;
            this.stream = stream;
            this.analysis = analysis;
            this.input = input;
        }

        /** Whether the stream takes {@code kind}; the first input of a stream without a device decides. */
        boolean takes(LiveInput kind) {
            if (input == null) {
                input = kind;
            }
            return input == kind;
        }
    }
}
