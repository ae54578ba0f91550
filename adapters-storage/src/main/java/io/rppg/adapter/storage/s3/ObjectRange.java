package io.rppg.adapter.storage.s3;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.FilterInputStream;
import java.io.IOException;

/**
 * The body of one ranged GET. Closed before its end (the decoder seeks elsewhere), it aborts the request: the HTTP
 * client would otherwise read the rest of the range to keep the connection, up to the whole video.
 */
final class ObjectRange extends FilterInputStream {

    private final ResponseInputStream<GetObjectResponse> response;
    private boolean ended;

    ObjectRange(ResponseInputStream<GetObjectResponse> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        ended |= read < 0;
        return read;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
