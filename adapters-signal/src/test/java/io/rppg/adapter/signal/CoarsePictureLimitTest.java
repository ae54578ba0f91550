package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.dsp.Spectrum;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.SkinTone;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.adapter.signal.method.RgbTrace;
import io.rppg.adapter.signal.method.RppgMethods;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why some faces of the benchmark's coarse family (mpeg4 at quantiser 8) are doubted rather than read: in these two
 * (its faces of seeds 304 and 307 at the benchmark's seed 100, as {@code SceneFamilies} renders them), the pulse the
 * codec kept stands, with every method, more than {@value #MARGIN_DB} dB below the strongest peak the same picture
 * shows without any pulse. A rule that read them would have to prefer peaks that much weaker than what the codec's
 * noise makes on its own, and would read that noise wherever there is no pulse. Should this fail, the engine's
 * reading of such pictures has become worth trying again.
 */
class CoarsePictureLimitTest {

    private static final List<String> METHODS = List.of("pos", "chrom", "green");
    private static final double MARGIN_DB = 5;

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "seed {0}, {1} bpm")
    @CsvSource({"304, 83", "307, 104"})
    void theKeptPulseLiesBelowWhatThePictureShowsWithoutOne(long seed, double bpm) throws Exception {
        FaceVideoSpec face = FaceVideoSpec.defaults().withSeconds(20).withSize(640, 360).withMotion(0.03)
                .withHeartRate(bpm).withTone(SkinTone.BROWN).in(VideoContainer.MP4_MPEG4_COARSE).withSeed(seed);
        Path withPulse = dir.resolve("pulse-" + seed + ".mp4");
        Path without = dir.resolve("none-" + seed + ".mp4");
        double truthHz = FaceVideoGenerator.render(face, withPulse).heartRateBpm() / 60;
        FaceVideoGenerator.render(face.withPulseStrength(0), without);

        RgbTrace pulsed = colour(withPulse);
        RgbTrace pulseless = colour(without);
        double atTruth = -100, twinsStrongest = -100;
        for (String method : METHODS) {
            atTruth = Math.max(atTruth, PulseBand.snrDb(spectrum(pulsed, method), truthHz));
            Spectrum none = spectrum(pulseless, method);
            twinsStrongest = Math.max(twinsStrongest, PulseBand.snrDb(none, PulseBand.peakHz(none)));
        }
        System.out.printf(Locale.ROOT, "seed %d: true rate's best SNR %.1f dB, pulseless twin's strongest peak %.1f dB%n",
                seed, atTruth, twinsStrongest);

        assertThat(atTruth).isLessThan(twinsStrongest - MARGIN_DB);
    }

    /** The skin colour the engine reads from the video, at its own sample rate. */
    private static RgbTrace colour(Path video) throws Exception {
        SkinTrace trace = new SkinTraceReader(SignalEngineConfig.defaults()).read(video);
        return RegionWeighting.colour(trace, 0, trace.size()).resampled(VitalsEstimator.RATE);
    }

    /** The spectrum of the method's pulse, band-passed as the engine does. */
    private static Spectrum spectrum(RgbTrace colour, String method) {
        double[] pulse = PulseBand.filter(VitalsEstimator.RATE).apply(RppgMethods.named(method).pulse(colour));
        return Spectrum.of(pulse, VitalsEstimator.RATE, 1 << 14);
    }
}
