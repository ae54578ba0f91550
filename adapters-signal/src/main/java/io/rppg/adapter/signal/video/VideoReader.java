package io.rppg.adapter.signal.video;

import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.domain.vitals.FailureCode;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Streams the pictures of a video file one at a time, as decoded planar YUV without any colour conversion.
 * Pictures in a format that is not 8-bit planar YUV (10-bit HEVC, RGB codecs, ...) are converted to 4:2:0 first.
 * Each picture is read with the colour matrix and range it is tagged with (BT.601, BT.709, BT.2020; limited or full).
 */
public final class VideoReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoReader.class);
    private static final Set<Integer> PLANAR_8_BIT = Set.of(
            avutil.AV_PIX_FMT_YUV420P, avutil.AV_PIX_FMT_YUVJ420P,
            avutil.AV_PIX_FMT_YUV422P, avutil.AV_PIX_FMT_YUVJ422P,
            avutil.AV_PIX_FMT_YUV444P, avutil.AV_PIX_FMT_YUVJ444P);

    static {
        FfmpegLog.routeToLog();
    }

    private final FFmpegFrameGrabber grabber;
    /** The stream a remote video is read through, or null; a started grabber leaves it open, so it is ours to close. */
    private final RangedVideoStream ranged;
    private final Orientation orientation;
    private final YuvPicture picture = new YuvPicture();
    private final double nominalFrameRate;
    private long picturesRead;
    private long lastTimestamp = Long.MIN_VALUE;
    private SwsContext converter;
    private AVFrame converted;

    private VideoReader(FFmpegFrameGrabber grabber, RangedVideoStream ranged) {
        this.grabber = grabber;
        this.ranged = ranged;
        this.orientation = Orientation.fromDisplayRotation(grabber.getDisplayRotation());
        double rate = grabber.getFrameRate();
        this.nominalFrameRate = rate > 1 && rate < 1000 ? rate : 30;
    }

    /** Opens a video file; a file FFmpeg cannot open, or one without pictures, is an unusable video. */
    public static VideoReader open(Path file) throws UnusableVideoException {
        return open(new VideoSource.LocalFile(file));
    }

    /**
     * Opens a stored video where it lies: FFmpeg reads a local file itself, and a remote one through a
     * {@link RangedVideoStream}, range by range where it seeks. A video FFmpeg cannot open, or one without pictures,
     * is an unusable video.
     */
    public static VideoReader open(VideoSource video) throws UnusableVideoException {
        return switch (video) {
            case VideoSource.LocalFile(var file) -> {
                if (!Files.isRegularFile(file)) {
                    throw new UnusableVideoException(FailureCode.UNREADABLE_VIDEO,
                            "The video file could not be read: no such file");
                }
                yield start(new FFmpegFrameGrabber(file.toFile()), null, video.name());
            }
            case VideoSource.Remote remote -> {
                RangedVideoStream ranged = new RangedVideoStream(remote);
                // A maximum size above zero is what makes JavaCV hand FFmpeg a seek callback (reset, then skip).
                yield start(new FFmpegFrameGrabber(ranged, Integer.MAX_VALUE), ranged, video.name());
            }
        };
    }

    /**
     * Opens a recording that arrives as a stream (pieces of a WebM or fragmented MP4 as a browser records it),
     * reading it as it comes: the call blocks until the stream's header has arrived. Nothing of the stream is kept
     * for seeking back, so memory does not grow with its length.
     */
    /** How much of a live stream FFmpeg may read to learn its codec before decoding. */
    public static final int PROBE_BYTES = 64 * 1024;

    public static VideoReader open(InputStream stream) throws UnusableVideoException {
        // A maximum size of 0 gives FFmpeg no seek callback: the stream is read once, front to back.
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(stream, 0);
        // One decoding thread: a live stream decodes a picture as it arrives, and frame threads would hold pictures
        // back (and take cores that other streams need).
        grabber.setVideoOption("threads", "1");
        // The stream's header names its codec and size, so FFmpeg need not probe far: what it probes it holds
        // undecoded, and bytes held there look decoded to the stream's lead check. A 1 MB probe could hold a whole
        // small recording sent at once, hiding the flood. 0.2 s (or 64 KB) of pictures confirm what the header says.
        grabber.setOption("analyzeduration", "200000");
        grabber.setOption("probesize", String.valueOf(PROBE_BYTES));
        return start(grabber, null, "a live stream");
    }

    private static VideoReader start(FFmpegFrameGrabber grabber, RangedVideoStream ranged, String name)
            throws UnusableVideoException {
        try {
            // RAW leaves the decoded planes alone and hands over the AVFrame: no conversion to BGR is paid for.
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber, ranged);
            if (ranged != null && ranged.failure() != null) {
                throw brokenOff(ranged.video(), ranged.failure());
            }
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("unsupported") || message.contains("find_decoder")) {
                // JavaCV's message names the file's path on this server: logged, never shown to the uploader.
                LOG.debug("No decoder for {}: {}", name, message);
                throw new UnusableVideoException(FailureCode.UNSUPPORTED_FORMAT,
                        FailureCode.UNSUPPORTED_FORMAT.defaultMessage());
            }
            throw new UnusableVideoException(FailureCode.UNREADABLE_VIDEO,
                    "The video file could not be read: it is damaged or not a video");
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber, ranged);
            throw new UnusableVideoException(FailureCode.UNSUPPORTED_FORMAT, "The file holds no video stream");
        }
        return new VideoReader(grabber, ranged);
    }

    /**
     * FFmpeg takes a failed read for the end of the file. Where the store failed rather than the video, the end is
     * no verdict on the video but a fault of the platform, which another attempt may not meet.
     */
    private void requireSourceIntact() {
        if (ranged != null && ranged.failure() != null) {
            throw brokenOff(ranged.video(), ranged.failure());
        }
    }

    private static UncheckedIOException brokenOff(VideoSource video, IOException failure) {
        return new UncheckedIOException("reading " + video.name() + " from its store broke off", failure);
    }

    public Orientation orientation() {
        return orientation;
    }

    public String codecName() {
        return grabber.getVideoCodecName();
    }

    /**
     * The next picture, or null at the end of the stream. A decoding error after some pictures ends the stream
     * (a truncated upload keeps what it has); before any picture it makes the video unreadable.
     */
    public YuvPicture next() throws UnusableVideoException {
        Frame frame;
        AVFrame decoded;
        do {
            try {
                frame = grabber.grabFrame(false, true, true, false, false);
            } catch (FrameGrabber.Exception e) {
                requireSourceIntact();
                if (picturesRead == 0) {
                    throw new UnusableVideoException(FailureCode.UNREADABLE_VIDEO,
                            "The video file could not be read: its pictures cannot be decoded");
                }
                LOG.warn("Decoding stopped after {} pictures: {}", picturesRead, e.getMessage());
                return null;
            }
            if (frame == null) {
                requireSourceIntact();
                return null;
            }
            decoded = frame.opaque instanceof AVFrame avFrame && avFrame.width() > 0 ? avFrame : null;
        } while (decoded == null);
        fill(decoded.format() >= 0 && PLANAR_8_BIT.contains(decoded.format()) ? decoded : toYuv420(decoded), decoded);
        picture.timestampMicros = timestampOf(frame);
        picturesRead++;
        return picture;
    }

    /** Timestamps that are missing or run backwards are replaced by the nominal frame spacing. */
    private long timestampOf(Frame frame) {
        long stamp = frame.timestamp;
        long spacing = Math.round(1_000_000 / nominalFrameRate);
        if (lastTimestamp != Long.MIN_VALUE && (stamp <= lastTimestamp || stamp > lastTimestamp + 10_000_000L)) {
            stamp = lastTimestamp + spacing;
        } else if (lastTimestamp == Long.MIN_VALUE && stamp < 0) {
            stamp = 0;
        }
        lastTimestamp = stamp;
        return stamp;
    }

    private void fill(AVFrame planes, AVFrame decoded) {
        int format = planes.format();
        picture.width = planes.width();
        picture.height = planes.height();
        boolean is420 = format == avutil.AV_PIX_FMT_YUV420P || format == avutil.AV_PIX_FMT_YUVJ420P;
        boolean is444 = format == avutil.AV_PIX_FMT_YUV444P || format == avutil.AV_PIX_FMT_YUVJ444P;
        picture.chromaShiftX = is444 ? 0 : 1;
        picture.chromaShiftY = is420 ? 1 : 0;
        for (int i = 0; i < 3; i++) {
            int rows = i == 0 ? picture.height : (picture.height + (1 << picture.chromaShiftY) - 1) >> picture.chromaShiftY;
            picture.strides[i] = planes.linesize(i);
            picture.planes[i] = planes.data(i).capacity((long) rows * planes.linesize(i)).asByteBuffer();
        }
        picture.lumaPointer = planes.data(0);
        picture.matrix = planes == decoded || !isRgb(decoded.format())
                ? ColourMatrix.of(standardOf(decoded), isFullRange(decoded))
                // swscale turned the RGB picture into YUV by BT.601 in limited range, its default.
                : ColourMatrix.BT601_LIMITED;
    }

    /**
     * The colour standard the picture is tagged with. Untagged pictures follow the common convention of players:
     * BT.709 for HD sizes, BT.601 below.
     */
    private static ColourMatrix.Standard standardOf(AVFrame decoded) {
        int space = decoded.colorspace();
        if (space == avutil.AVCOL_SPC_BT709) {
            return ColourMatrix.Standard.BT709;
        }
        if (space == avutil.AVCOL_SPC_BT2020_NCL || space == avutil.AVCOL_SPC_BT2020_CL) {
            return ColourMatrix.Standard.BT2020;
        }
        if (space == avutil.AVCOL_SPC_UNSPECIFIED && (decoded.width() >= 1280 || decoded.height() >= 720)) {
            return ColourMatrix.Standard.BT709;
        }
        return ColourMatrix.Standard.BT601;
    }

    private static boolean isFullRange(AVFrame decoded) {
        int format = decoded.format();
        return format == avutil.AV_PIX_FMT_YUVJ420P || format == avutil.AV_PIX_FMT_YUVJ422P
                || format == avutil.AV_PIX_FMT_YUVJ444P || format == avutil.AV_PIX_FMT_YUVJ440P
                || format == avutil.AV_PIX_FMT_YUVJ411P || decoded.color_range() == avutil.AVCOL_RANGE_JPEG;
    }

    private static boolean isRgb(int format) {
        AVPixFmtDescriptor descriptor = avutil.av_pix_fmt_desc_get(format);
        return descriptor != null && (descriptor.flags() & avutil.AV_PIX_FMT_FLAG_RGB) != 0;
    }

    private AVFrame toYuv420(AVFrame decoded) throws UnusableVideoException {
        int w = decoded.width();
        int h = decoded.height();
        if (converted == null || converted.width() != w || converted.height() != h) {
            if (converted != null) {
                avutil.av_frame_free(converted);
            }
            converted = avutil.av_frame_alloc();
            converted.format(avutil.AV_PIX_FMT_YUV420P).width(w).height(h);
            if (avutil.av_frame_get_buffer(converted, 32) < 0) {
                throw new IllegalStateException("could not allocate a " + w + "x" + h + " picture");
            }
        }
        converter = swscale.sws_getCachedContext(converter, w, h, decoded.format(), w, h, avutil.AV_PIX_FMT_YUV420P,
                swscale.SWS_BILINEAR, null, null, (DoublePointer) null);
        if (converter != null && !isRgb(decoded.format())) {
            // YUV of another depth or subsampling (10-bit HDR, 4:1:1, ...) keeps its own matrix and range: the
            // numbers are only resampled, and the picture is then read with the matrix it is tagged with.
            int range = isFullRange(decoded) ? 1 : 0;
            IntPointer table = swscale.sws_getCoefficients(swscale.SWS_CS_DEFAULT);
            swscale.sws_setColorspaceDetails(converter, table, range, table, range, 0, 1 << 16, 1 << 16);
        }
        // A pixel format swscale cannot read gives no context; scaling with none would crash the JVM.
        if (converter == null || swscale.sws_scale_frame(converter, converted, decoded) < 0) {
            throw new UnusableVideoException(FailureCode.UNSUPPORTED_FORMAT,
                    FailureCode.UNSUPPORTED_FORMAT.defaultMessage() + " (its pictures' pixel format)");
        }
        return converted;
    }

    @Override
    public void close() {
        closeQuietly(grabber, ranged);
        if (converter != null) {
            swscale.sws_freeContext(converter);
        }
        if (converted != null) {
            avutil.av_frame_free(converted);
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber, RangedVideoStream ranged) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("Closing the grabber failed", e);
        }
        if (ranged != null) {
            ranged.close();
        }
    }
}
