package io.rppg.adapter.jobs.scan;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskDataSerializerTest {

    private static final ScanJobData DATA = new ScanJobData("2f1d7a0e-8a4b-4f7e-9a51-6f0f3f6c2b11",
            "sess_20261130094000_0123456789abcdef0123456789abcdef");

    private final TaskDataSerializer serializer = new TaskDataSerializer();

    @Test
    void aScanJobIsStoredAsTextThatNamesNoClass() {
        var bytes = serializer.serialize(DATA);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("scan-job/1 " + DATA.tenantId() + " " + DATA.sessionId());
        assertThat(serializer.deserialize(ScanJobData.class, bytes)).isEqualTo(DATA);
    }

    @Test
    void aJobQueuedUnderTheClassFormerNameIsStillRead() throws IOException {
        var former = renameClass(javaSerialised(DATA), ScanJobData.class.getName(),
                "io.rppg.adapter.persistence.job.ScanJobData");

        assertThat(serializer.deserialize(ScanJobData.class, former)).isEqualTo(DATA);
    }

    @Test
    void dataThatIsNeitherFormIsRefusedWithAReason() {
        assertThatThrownBy(() -> serializer.deserialize(ScanJobData.class,
                "something else".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a scan job's data");
    }

    @Test
    void aSerialisationOfAnotherClassIsNotDeserialised() throws IOException {
        var hostile = javaSerialised(new java.util.ArrayList<>(java.util.List.of("x")));

        assertThatThrownBy(() -> serializer.deserialize(ScanJobData.class, hostile))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] javaSerialised(Object data) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(data);
        }
        return bytes.toByteArray();
    }

    /** Rewrites the class name in a serialisation's descriptor (a length-prefixed modified UTF-8 string). */
    private static byte[] renameClass(byte[] serialised, String from, String to) {
        var fromBytes = withLength(from);
        var toBytes = withLength(to);
        for (int i = 0; i + fromBytes.length <= serialised.length; i++) {
            if (Arrays.equals(serialised, i, i + fromBytes.length, fromBytes, 0, fromBytes.length)) {
                var renamed = new byte[serialised.length - fromBytes.length + toBytes.length];
                System.arraycopy(serialised, 0, renamed, 0, i);
                System.arraycopy(toBytes, 0, renamed, i, toBytes.length);
                System.arraycopy(serialised, i + fromBytes.length, renamed, i + toBytes.length,
                        serialised.length - i - fromBytes.length);
                return renamed;
            }
        }
        throw new AssertionError("class name not found in the serialisation");
    }

    private static byte[] withLength(String name) {
        var utf = name.getBytes(StandardCharsets.UTF_8);
        var prefixed = new byte[utf.length + 2];
        prefixed[0] = (byte) (utf.length >> 8);
        prefixed[1] = (byte) utf.length;
        System.arraycopy(utf, 0, prefixed, 2, utf.length);
        return prefixed;
    }
}
