package io.rppg.adapter.web.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the live WebSocket ({@code rppg.live.*}).
 *
 * @param connectionsPerUser    open connections of one user or API key (the v2 document's 10); beyond, 4429
 * @param maxMessageBytes       a text message larger than this is refused with an error; the container itself
 *                              closes the connection (1009) on one over {@code 4 x} this
 * @param maxMediaMessageBytes  a binary (media) message larger than this is refused and ends its stream: a
 *                              browser's 1 s piece of VP8 at 8 Mbit/s is 1 MB
 * @param maxSamplesPerMessage  trace samples one message may carry (30 s at 30 Hz)
 * @param maxMessagesPerSecond  messages a connection may send a second, averaged over a second; beyond, it floods
 * @param authTimeout           a connection that has not authenticated by then is closed (4401)
 * @param connectionIdleTimeout a connection that neither sends nor receives for this long is closed
 */
@ConfigurationProperties("rppg.live")
public record LiveProperties(
        @DefaultValue("10") int connectionsPerUser,
        @DefaultValue("65536") int maxMessageBytes,
        @DefaultValue("2097152") int maxMediaMessageBytes,
        @DefaultValue("900") int maxSamplesPerMessage,
        @DefaultValue("50") int maxMessagesPerSecond,
        @DefaultValue("10s") Duration authTimeout,
        @DefaultValue("120s") Duration connectionIdleTimeout) {
}
