package io.rppg.bootstrap.scan;

import io.rppg.adapter.jobs.scan.ProcessScanTask;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.rppg.adapter.jobs.JobMetricNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Load figures of the scan API over HTTP on this machine: session creations per second, vitals polls per second
 * with API-key authentication, and for concurrent 30 s 640x480 uploads the time from upload to result, with the
 * queue wait (upload accepted until its analysis starts) and the analysis time from the worker's own timers. The
 * moment db-scheduler marks a job picked is printed too: with the lock-and-fetch strategy a node locks up to a few
 * times as many jobs as it has worker threads, so a picked job may still wait inside the node for a free thread.
 * The request phases run on {@link KeepAliveConnection}s, one per client thread, as a load generator would; the
 * client shares the machine's cores with the server, so every figure is the server's and its client's together.
 * Runs only with {@code -Pbenchmark}.
 */
@Tag("benchmark")
class ScanLoadBenchmark extends ScanFlowTest {

    /** Client threads, each with a connection of its own; {@code -Dbenchmark.threads=N} to try another number. */
    private static final int THREADS = Integer.getInteger("benchmark.threads", 8);
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration PHASE = Duration.ofSeconds(5);
    private static final int ROUNDS = 2;
    private static final int VIDEOS = 4;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry metrics;

    /** A timer's count and total, to take the difference over one phase of the benchmark. */
    private record Snapshot(long count, double totalMs, double maxMs) {

        Snapshot minus(Snapshot before) {
            return new Snapshot(count - before.count, totalMs - before.totalMs, maxMs);
        }

        double meanMs() {
            return count == 0 ? Double.NaN : totalMs / count;
        }
    }

    private Snapshot snapshot(String name) {
        var timer = metrics.find(name).timer();
        return timer == null ? new Snapshot(0, 0, 0)
                : new Snapshot(timer.count(), timer.totalTime(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
    }

    @Test
    void scanApiUnderLoad() throws Exception {
        var tenant = api.createTenant(10_000_000, 10_000_000, 100, 100_000_000);
        var created = new ArrayList<String>();
        Call bare = connection -> check(connection.get("/health", null), 200);
        Call create = connection -> {
            var body = check(connection.post("/api/v1/scan-session", tenant.apiKey()), 201);
            synchronized (created) {
                created.add(sessionIdIn(body));
            }
        };
        // Creations of one tenant through as many API keys as there are client threads: the open-session limit is
        // counted per key, so the creations of one key wait for each other by design, those of several keys do not.
        var keys = new ArrayList<String>();
        for (int i = 0; i < THREADS; i++) {
            keys.add(expect(api.post("/api/v1/admin/tenants/" + tenant.id() + "/api-keys", tenant.adminToken(),
                    ScanApi.body("name", "load key " + i)), 201).text("key"));
        }
        var nextKey = new AtomicInteger();
        var keyOfThread = ThreadLocal.withInitial(() -> keys.get(nextKey.getAndIncrement() % keys.size()));
        Call createByManyKeys = connection -> {
            var body = check(connection.post("/api/v1/scan-session", keyOfThread.get()), 201);
            synchronized (created) {
                created.add(sessionIdIn(body));
            }
        };
        // Polls go to the sessions the warm-up's creations opened, each polled again and again, as a client polls
        // its scan until the result is in. (Polling every session created so far instead made each poll of the
        // second round the first of its session, and a first poll reads the database.)
        var polledSessions = new ArrayList<String>();
        var polled = new AtomicInteger();
        Call poll = connection -> check(connection.get("/api/v1/scan-session/"
                + polledSessions.get(Math.floorMod(polled.getAndIncrement(), polledSessions.size())) + "/vitals",
                tenant.apiKey()), 200);
        // The same polls by a user's access token (the tenant admin's), on sessions that user opened.
        var ownSessions = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            ownSessions.add(expect(api.postEmpty("/api/v1/scan-session", tenant.adminToken()), 201)
                    .text("session_id"));
        }
        Call pollByToken = connection -> check(connection.get("/api/v1/scan-session/"
                + ownSessions.get(Math.floorMod(polled.getAndIncrement(), ownSessions.size())) + "/vitals",
                tenant.adminToken()), 200);
        // Warm up every path first, so that the measured rounds see compiled code and filled pools.
        run("warm-up, bare", WARM_UP, bare);
        run("warm-up, creations", WARM_UP, create);
        run("warm-up, creations (many keys)", WARM_UP, createByManyKeys);
        polledSessions.addAll(created);
        run("warm-up, polls (API key)", WARM_UP, poll);
        run("warm-up, polls (access token)", WARM_UP, pollByToken);
        var rounds = new ArrayList<Load[]>();
        for (int round = 0; round < ROUNDS; round++) {
            rounds.add(new Load[] {run("bare", PHASE, bare), run("polls (API key)", PHASE, poll),
                    run("creations", PHASE, create), run("polls (access token)", PHASE, pollByToken),
                    run("creations (many keys)", PHASE, createByManyKeys)});
        }

        var specs = new ArrayList<FaceVideoSpec>();
        var fixtures = new ArrayList<Fixture>();
        for (int i = 0; i < VIDEOS; i++) {
            var spec = FaceVideoSpec.defaults().withSeconds(30).withSize(640, 480).withHeartRate(60 + 12 * i)
                    .in(VideoContainer.MP4_MPEG4).withSeed(90 + i);
            specs.add(spec);
            fixtures.add(video(spec));
        }
        var sessions = new ArrayList<String>();
        for (int i = 0; i < VIDEOS; i++) {
            sessions.add(openV1Session(tenant.apiKey()));
        }
        var queueWaitBefore = snapshot(JobMetricNames.SCAN_QUEUE_WAIT);
        var analysisBefore = snapshot(JobMetricNames.SCAN_ANALYSIS);
        var uploaded = new Instant[VIDEOS];
        var accepted = new Instant[VIDEOS];
        var picked = new Instant[VIDEOS];
        var finished = new Instant[VIDEOS];
        var uploads = new ArrayList<CompletableFuture<Void>>();
        var uploaders = Executors.newFixedThreadPool(VIDEOS);
        var start = new CountDownLatch(1);
        for (int i = 0; i < VIDEOS; i++) {
            int n = i;
            uploads.add(CompletableFuture.runAsync(() -> {
                await(start);
                uploaded[n] = Instant.now();
                expect(uploadV1(tenant.apiKey(), sessions.get(n), "scan.mp4", "video/mp4", fixtures.get(n).bytes()),
                        202);
                accepted[n] = Instant.now();
            }, uploaders));
        }
        start.countDown();
        var results = new ArrayList<tools.jackson.databind.JsonNode>();
        var deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (java.util.Arrays.stream(finished).anyMatch(t -> t == null)) {
            assertThat(Instant.now()).isBefore(deadline);
            for (int i = 0; i < VIDEOS; i++) {
                if (accepted[i] == null || finished[i] != null) {
                    continue;
                }
                if (picked[i] == null && isPicked(tenant.id(), sessions.get(i))) {
                    picked[i] = Instant.now();
                }
                var vitals = expect(api.get("/api/v1/scan-session/" + sessions.get(i) + "/vitals",
                        tenant.apiKey()), 200);
                if (!"processing".equals(vitals.text("status")) && !"pending".equals(vitals.text("status"))) {
                    finished[i] = Instant.now();
                    if (picked[i] == null) {
                        picked[i] = finished[i];
                    }
                }
            }
            sleep(50);
        }
        CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
        uploaders.shutdown();
        for (int i = 0; i < VIDEOS; i++) {
            results.add(expect(api.get("/api/v1/scan-session/" + sessions.get(i) + "/vitals", tenant.apiKey()), 200)
                    .json());
        }

        var report = new StringBuilder("\n=== Scan API load benchmark (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, max heap ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MB) ===\n")
                .append(String.format("polls with the API key go to %d sessions, with the access token to %d%n",
                        polledSessions.size(), ownSessions.size()));
        for (int round = 0; round < ROUNDS; round++) {
            var loads = rounds.get(round);
            report.append(String.format("round %d, %d client threads, %d s a phase:%n", round + 1, THREADS,
                    PHASE.toSeconds()));
            report.append("  bare endpoint (GET /health, no auth, no database): ").append(loads[0]).append('\n');
            report.append("  vitals polls (API key):                            ").append(loads[1])
                    .append(String.format(" = %.0f %% of bare%n", 100 * loads[1].perSecond() / loads[0].perSecond()));
            report.append("  session creations (one API key):                   ").append(loads[2]).append('\n');
            report.append("  vitals polls (access token):                       ").append(loads[3])
                    .append(String.format(" = %.0f %% of bare%n", 100 * loads[3].perSecond() / loads[0].perSecond()));
            report.append(String.format("  session creations (%d API keys of the tenant):      ", THREADS))
                    .append(loads[4]).append('\n');
        }
        report.append(String.format("%d concurrent 30 s 640x480 MP4 (mpeg4) uploads of %s MB:%n", VIDEOS,
                fixtures.stream().map(f -> String.valueOf(f.bytes().length >> 20)).toList()));
        for (int i = 0; i < VIDEOS; i++) {
            var vitals = results.get(i).path("vitals");
            report.append(String.format("  #%d %s truth %.1f bpm, measured %s; upload %d ms, accepted->picked %d ms, "
                            + "picked->completed %d ms, accepted->completed %d ms, processing_time_ms %s%n",
                    i + 1, results.get(i).path("status").asString(), fixtures.get(i).truth().heartRateBpm(),
                    vitals.path("heart_rate"), ms(uploaded[i], accepted[i]), ms(accepted[i], picked[i]),
                    ms(picked[i], finished[i]), ms(accepted[i], finished[i]), vitals.path("processing_time_ms")));
        }
        var queueWait = snapshot(JobMetricNames.SCAN_QUEUE_WAIT).minus(queueWaitBefore);
        var analysis = snapshot(JobMetricNames.SCAN_ANALYSIS).minus(analysisBefore);
        report.append(String.format("  worker metrics over these %d scans: queue wait (upload accepted -> analysis "
                        + "start) mean %.0f ms, max %.0f ms; analysis mean %.0f ms, max %.0f ms%n", queueWait.count(),
                queueWait.meanMs(), queueWait.maxMs(), analysis.meanMs(), analysis.maxMs()));
        var firstUpload = java.util.Arrays.stream(uploaded).min(Instant::compareTo).orElseThrow();
        var lastDone = java.util.Arrays.stream(finished).max(Instant::compareTo).orElseThrow();
        report.append(String.format("  all %d from first upload to last result: %d ms%n", VIDEOS,
                ms(firstUpload, lastDone)));
        System.out.println(report);

        assertThat(queueWait.count()).isEqualTo(VIDEOS);
        for (int i = 0; i < VIDEOS; i++) {
            assertThat(results.get(i).path("status").asString()).isEqualTo("completed");
            assertThat(results.get(i).path("vitals").path("heart_rate").asDouble())
                    .isCloseTo(fixtures.get(i).truth().heartRateBpm(), within(3.0));
        }
    }

    private boolean isPicked(String tenantId, String sessionId) {
        var instance = ProcessScanTask.instanceId(new TenantId(UUID.fromString(tenantId)), new ScanSessionId(sessionId));
        List<Boolean> picked = jdbc.queryForList("SELECT picked FROM scheduled_tasks WHERE task_instance = ?",
                Boolean.class, instance);
        return picked.isEmpty() || picked.get(0);
    }

    /**
     * Calls per second over one phase, the latency of a call as its client saw it, and the CPU time this JVM (server
     * and client together, not the database) spent per call: unlike the rate, the CPU per call holds still when
     * other work on the machine takes cores away.
     */
    record Load(long calls, double perSecond, double p50Ms, double p99Ms, double maxMs, double cpuMicrosPerCall) {

        @Override
        public String toString() {
            return String.format("%6.0f/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, JVM CPU %.0f us a call (%d calls)",
                    perSecond, p50Ms, p99Ms, maxMs, cpuMicrosPerCall, calls);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One request of a phase, made on the calling thread's own kept-alive connection. */
    @FunctionalInterface
    private interface Call {
        void on(KeepAliveConnection connection);
    }

    private static String check(KeepAliveConnection.Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    private static String sessionIdIn(String body) {
        var field = "\"session_id\":\"";
        int start = body.indexOf(field) + field.length();
        return body.substring(start, body.indexOf('"', start));
    }

    /**
     * Runs the call over {@link #THREADS} threads, each on a connection of its own and calling again as soon as its
     * last call returned.
     */
    private Load run(String name, Duration phase, Call call) throws Exception {
        // The phase's times, to find it again in a profile of the run.
        System.out.printf("phase %s from %s%n", name, java.time.LocalTime.now());
        var pool = Executors.newFixedThreadPool(THREADS);
        var futures = new ArrayList<java.util.concurrent.Future<long[]>>();
        var cpuBefore = processCpuNanos();
        var begin = System.nanoTime();
        var end = begin + phase.toNanos();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                var latencies = new long[1 << 16];
                int n = 0;
                try (var connection = new KeepAliveConnection(port)) {
                    while (System.nanoTime() < end) {
                        var started = System.nanoTime();
                        call.on(connection);
                        if (n == latencies.length) {
                            latencies = java.util.Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - started;
                    }
                }
                return java.util.Arrays.copyOf(latencies, n);
            }));
        }
        var all = java.util.stream.LongStream.empty();
        for (var future : futures) {
            all = java.util.stream.LongStream.concat(all, java.util.Arrays.stream(future.get()));
        }
        var seconds = (System.nanoTime() - begin) / 1e9;
        var cpuNanos = processCpuNanos() - cpuBefore;
        pool.shutdown();
        var sorted = all.sorted().toArray();
        System.out.printf("phase %s to %s%n", name, java.time.LocalTime.now());
        return new Load(sorted.length, sorted.length / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, cpuNanos / 1e3 / sorted.length);
    }

    private static double percentile(long[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)] / 1e6;
    }

    private static long ms(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
