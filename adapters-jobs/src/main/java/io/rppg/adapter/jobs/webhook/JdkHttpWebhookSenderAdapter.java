package io.rppg.adapter.jobs.webhook;

import io.rppg.application.port.out.WebhookSenderPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends webhooks with the JDK's HTTP client, each signed ({@link WebhookSignature}) and named by its event and
 * delivery id in headers: no redirects (a receiver cannot bounce us elsewhere), short timeouts,
 * and a check before every send that the host does not resolve to a private, loopback or link-local address, so
 * that a tenant cannot use webhooks to reach the platform's own network.
 */
@Component
class JdkHttpWebhookSenderAdapter implements WebhookSenderPort {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String EVENT_HEADER = "X-Rppg-Event";
    static final String DELIVERY_HEADER = "X-Rppg-Delivery";

    private final boolean allowPrivateTargets;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    JdkHttpWebhookSenderAdapter(@Value("${rppg.webhooks.allow-private-targets:false}") boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    @Override
    public Optional<String> refusalFor(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("url is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("url must use http or https");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("url must name a host and carry no credentials");
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        try {
            for (var address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    return Optional.of("url resolves to a private, loopback or link-local address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("url's host does not resolve");
        }
    }

    @Override
    public SendResult send(OutgoingWebhook webhook) {
        var request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "rppg-webhooks/1")
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(webhook.secret(), webhook.sentAt().getEpochSecond(), webhook.body()))
                .header(EVENT_HEADER, webhook.event().wireName())
                .header(DELIVERY_HEADER, webhook.deliveryId().toString());
        try {
            var response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(webhook.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
            return new SendResult(response.statusCode(), response.statusCode() / 100 == 2 ? null
                    : "the receiver answered " + response.statusCode());
        } catch (IOException e) {
            return new SendResult(0, "could not reach the receiver: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(0, "interrupted while sending");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19));
    }
}
