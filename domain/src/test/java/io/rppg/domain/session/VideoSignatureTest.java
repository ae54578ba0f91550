package io.rppg.domain.session;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VideoSignatureTest {

    @Test
    void anFtypBoxWithAnIsoBrandIsMp4() {
        assertThat(VideoSignature.sniff(box("ftyp", "isom"))).contains(VideoContainer.MP4);
        assertThat(VideoSignature.sniff(box("ftyp", "mp42"))).contains(VideoContainer.MP4);
        assertThat(VideoSignature.sniff(box("ftyp", "3gp4"))).contains(VideoContainer.MP4);
    }

    @Test
    void anFtypBoxWithTheQuickTimeBrandIsMov() {
        assertThat(VideoSignature.sniff(box("ftyp", "qt  "))).contains(VideoContainer.MOV);
    }

    @Test
    void oldQuickTimeFilesStartingWithAMovieAtomAreMov() {
        assertThat(VideoSignature.sniff(box("moov", "mvhd"))).contains(VideoContainer.MOV);
        assertThat(VideoSignature.sniff(box("wide", "\0\0\0\0"))).contains(VideoContainer.MOV);
    }

    @Test
    void theEbmlMagicIsWebm() {
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 1, 0, 0, 0};
        assertThat(VideoSignature.sniff(webm)).contains(VideoContainer.WEBM);
        assertThat(VideoSignature.sniff(webm, 4)).contains(VideoContainer.WEBM);
    }

    @Test
    void aRiffAviHeaderIsAvi() {
        assertThat(VideoSignature.sniff(ascii("RIFF\u0010\u0000\u0000\u0000AVI LIST"))).contains(VideoContainer.AVI);
    }

    @Test
    void otherRiffFilesAreNotVideos() {
        assertThat(VideoSignature.sniff(ascii("RIFF\u0010\u0000\u0000\u0000WAVEfmt "))).isEmpty();
    }

    @Test
    void imagesTextAndShortInputAreNotRecognised() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        assertThat(VideoSignature.sniff(png)).isEmpty();
        assertThat(VideoSignature.sniff(ascii("hello, this is not a video"))).isEmpty();
        assertThat(VideoSignature.sniff(new byte[0])).isEmpty();
        assertThat(VideoSignature.sniff(null)).isEmpty();
        assertThat(VideoSignature.sniff(box("ftyp", "isom"), 8)).isEmpty();
    }

    @Test
    void theNameOrDeclaredTypeNeverMatters() {
        // A file is what its bytes say; there is no way to pass a name, and a text file named .mp4 stays text.
        assertThat(VideoSignature.sniff(ascii("<html>video.mp4</html>"))).isEqualTo(Optional.empty());
    }

    @Test
    void everyContainerHasItsExtension() {
        assertThat(VideoContainer.MP4.extension()).isEqualTo("mp4");
        assertThat(VideoContainer.MOV.extension()).isEqualTo("mov");
        assertThat(VideoContainer.WEBM.extension()).isEqualTo("webm");
        assertThat(VideoContainer.AVI.extension()).isEqualTo("avi");
    }

    private static byte[] box(String type, String brand) {
        return ascii("\u0000\u0000\u0000\u0018" + type + brand + "\u0000\u0000\u0002\u0000");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
