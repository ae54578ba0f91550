package io.rppg.adapter.jobs.scan;

import com.github.kagkarlsson.scheduler.serializer.JavaSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;

/**
 * Stores a scan job's data as plain text ({@code scan-job/1 <tenant id> <session id>}) instead of a Java
 * serialisation that names its class, so that moving the class cannot strand queued jobs. Jobs queued by earlier
 * versions, serialised under the class's former name, are still read. Other task data is left to db-scheduler's
 * Java serialisation.
 */
final class TaskDataSerializer implements Serializer {

    private static final String FORMAT = "scan-job/1";
    /** Where {@link ScanJobData} lived when queued jobs were stored as Java serialisations. */
    private static final String FORMER_CLASS_NAME = "io.rppg.adapter.persistence.job.ScanJobData";

    private final JavaSerializer java = new JavaSerializer();

    @Override
    public byte[] serialize(Object data) {
        if (data instanceof ScanJobData(var tenantId, var sessionId)) {
            return String.join(" ", FORMAT, tenantId, sessionId).getBytes(StandardCharsets.UTF_8);
        }
        return java.serialize(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (type != ScanJobData.class || bytes == null) {
            return java.deserialize(type, bytes);
        }
        if (isJavaSerialisation(bytes)) {
            return type.cast(readFormerJavaSerialisation(bytes));
        }
        var parts = new String(bytes, StandardCharsets.UTF_8).split(" ");
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new IllegalArgumentException("not a scan job's data: " + parts.length + " fields");
        }
        return type.cast(new ScanJobData(parts[1], parts[2]));
    }

    private static boolean isJavaSerialisation(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed;
    }

    private static ScanJobData readFormerJavaSerialisation(byte[] bytes) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
                var descriptor = super.readClassDescriptor();
                return FORMER_CLASS_NAME.equals(descriptor.getName())
                        ? ObjectStreamClass.lookup(ScanJobData.class) : descriptor;
            }
        }) {
            in.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass() == ScanJobData.class
                    || info.serialClass() == String.class
                    ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED);
            return (ScanJobData) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("a queued scan job's data could not be read", e);
        }
    }
}
