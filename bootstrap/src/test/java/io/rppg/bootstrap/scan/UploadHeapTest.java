package io.rppg.bootstrap.scan;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads stream through the platform to disk: three concurrent uploads of about 95 MB each must not show up in the
 * live heap (the platform runs in this JVM). The live heap, sampled after a collection, may grow by a third of one
 * upload: streaming grows it by about 1 MB, while a server that held even one upload in memory would need 95 MB.
 */
class UploadHeapTest extends ScanFlowTest {

    private static final int UPLOADS = 3;
    private static final long UPLOAD_BYTES = 95L * 1024 * 1024;
    private static final long ALLOWED_GROWTH = 32L * 1024 * 1024;

    @Test
    void threeConcurrentHundredMegabyteUploadsLeaveTheLiveHeapAlone() throws Exception {
        var tenant = api.createTenant(100, 10, 100);
        var sessions = new ArrayList<String>();
        for (int i = 0; i < UPLOADS; i++) {
            sessions.add(openV1Session(tenant.apiKey()));
        }
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(baseline);
        var sampling = new AtomicBoolean(true);
        var samples = new AtomicLong();
        var sampler = new Thread(() -> {
            while (sampling.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                samples.incrementAndGet();
                sleep(250);
            }
        }, "heap-sampler");
        sampler.start();

        var answers = new ArrayList<CompletableFuture<ScanApi.Response>>();
        try {
            for (var session : sessions) {
                answers.add(CompletableFuture.supplyAsync(() -> upload(tenant.apiKey(), session)));
            }
            for (int i = 0; i < UPLOADS; i++) {
                var answer = answers.get(i).join();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
                assertThat(answer.text("code")).isEqualTo("INVALID_VIDEO");
                assertThat(storedFilesOf(tenant.id(), sessions.get(i))).isEmpty();
            }
        } finally {
            sampling.set(false);
            sampler.join();
        }

        long growth = peak.get() - baseline;
        System.out.printf("UploadHeapTest: max heap %d MB, baseline %d MB, peak live %d MB, growth %d MB over %d samples%n",
                memory.getHeapMemoryUsage().getMax() >> 20, baseline >> 20, peak.get() >> 20, growth >> 20,
                samples.get());
        assertThat(samples.get()).isGreaterThan(2);
        assertThat(growth).as("live heap growth in bytes").isLessThan(ALLOWED_GROWTH);
    }

    /**
     * One multipart upload framed by hand and streamed from a generator: an MP4's first box, then zeros. The
     * platform takes it for an MP4, stores all of it, and refuses it when FFmpeg finds no video in it.
     */
    private ScanApi.Response upload(String apiKey, String sessionId) {
        var boundary = "----rppgHeapTest" + UUID.randomUUID().toString().replace("-", "");
        var head = concat(ScanApi.partHeader(boundary, "file", "big.mp4", "video/mp4"), V1ScanFlowTest.mp4Head());
        var tail = concat("\r\n".getBytes(), ScanApi.closing(boundary));
        long filler = UPLOAD_BYTES - V1ScanFlowTest.mp4Head().length;
        var request = api.request("/api/v1/scan-session/" + sessionId + "/video", apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(head, filler, tail)));
        return ScanApi.send(request);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A prefix, that many zeros, a suffix: generated as read, never held. */
    private static final class Generated extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final long total;
        private long position;

        Generated(byte[] head, long zeros, byte[] tail) {
            this.head = head;
            this.tail = tail;
            this.total = head.length + zeros + tail.length;
        }

        @Override
        public int read() {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                if (at < head.length) {
                    buffer[offset + i] = head[(int) at];
                } else if (at >= total - tail.length) {
                    buffer[offset + i] = tail[(int) (at - (total - tail.length))];
                } else {
                    buffer[offset + i] = 0;
                }
            }
            position += n;
            return n;
        }
    }
}
