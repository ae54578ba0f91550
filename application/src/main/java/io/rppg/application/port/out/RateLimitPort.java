package io.rppg.application.port.out;

import java.time.Duration;

/**
 * Token buckets shared by every node of the platform. A bucket holds {@code limit} tokens and is refilled in full
 * once per {@code window}; each call takes one token if there is one.
 */
public interface RateLimitPort {

    /**
     * Takes one token from the bucket named {@code bucketKey}, creating the bucket full when it does not exist yet.
     * A bucket keeps the limit and window it was made with, so a caller whose limit may change names the limit and
     * window in the key: a different limit then starts a fresh bucket.
     */
    default Consumption tryConsume(String bucketKey, int limit, Duration window) {
        return tryConsume(bucketKey, limit, window, 1);
    }

    /**
     * Takes {@code tokens} tokens at once, or none when fewer are left (a weighted request: a costly query spends
     * more of the same bucket). Otherwise as {@link #tryConsume(String, int, Duration)}.
     */
    Consumption tryConsume(String bucketKey, int limit, Duration window, int tokens);

    /**
     * What one attempt did.
     *
     * @param consumed      whether a token was taken
     * @param remaining     tokens left after the attempt
     * @param untilRefill   how long until the next token arrives (zero when one was taken)
     * @param untilFull     how long until the bucket is full again, i.e. the end of the current window
     */
    record Consumption(boolean consumed, long remaining, Duration untilRefill, Duration untilFull) {
    }
}
