package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.application.port.out.SignalEnginePort.SignalEngineFault;
import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.domain.vitals.AnalysisOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A video kept in an object store is decoded range by range where FFmpeg seeks, and measures as the same file on
 * disk does; a store that breaks off mid-video is a fault to retry, never a shorter video.
 */
class RemoteVideoTest {

    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void render() {
        // FFmpeg's MP4 muxer writes the index (moov) after the pictures: the decoder reads the end first.
        video = dir.resolve("sess_20261130150000_remote.mp4");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(20).withHeartRate(72)
                .in(VideoContainer.MP4_MPEG4).withSeed(11), video);
    }

    @Test
    void aRemoteVideoMeasuresAsItsFileDoesReadingEachByteAboutOnce() throws IOException {
        var engine = RppgSignalEngineAdapter.withMethod("pos");
        var store = new CountingStore(video, Long.MAX_VALUE);

        var fromFile = engine.analyze(video);
        var fromStore = engine.analyze(store.source());

        assertThat(fromFile).isInstanceOf(AnalysisOutcome.Measured.class);
        assertThat(fromStore).isEqualTo(fromFile);
        assertThat(store.starts).as("the start, the index at the end, back to the pictures").hasSizeBetween(2, 6);
        assertThat(store.starts.get(0)).isZero();
        assertThat(store.starts).anySatisfy(start -> assertThat(start).isGreaterThan(Files.size(video) / 2));
        assertThat(store.bytesRead.get()).as("no whole second copy")
                .isBetween(Files.size(video) * 9 / 10, Files.size(video) * 13 / 10);
    }

    @Test
    void aStoreThatBreaksOffMidVideoIsAFaultOfThePlatform() throws IOException {
        var engine = RppgSignalEngineAdapter.withMethod("pos");
        var store = new CountingStore(video, Files.size(video) / 2);

        assertThatThrownBy(() -> engine.analyze(store.source()))
                .isInstanceOf(SignalEngineFault.class)
                .hasMessageContaining("sess_20261130150000_remote.mp4");
    }

    /** Serves a file as an object store serves ranges, and fails every read once {@code failAfter} bytes are out. */
    private static final class CountingStore {
        final Path file;
        final long failAfter;
        final List<Long> starts = new ArrayList<>();
        final AtomicLong bytesRead = new AtomicLong();

        CountingStore(Path file, long failAfter) {
            this.file = file;
            this.failAfter = failAfter;
        }

        VideoSource source() throws IOException {
            return new VideoSource.Remote(file.getFileName().toString(), Files.size(file), this::from);
        }

        private InputStream from(long position) throws IOException {
            starts.add(position);
            var in = Files.newInputStream(file);
            in.skipNBytes(position);
            return new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (bytesRead.get() >= failAfter) {
                        throw new IOException("connection reset by the store");
                    }
                    int read = super.read(b, off, len);
                    if (read > 0) {
                        bytesRead.addAndGet(read);
                    }
                    return read;
                }
            };
        }
    }
}
