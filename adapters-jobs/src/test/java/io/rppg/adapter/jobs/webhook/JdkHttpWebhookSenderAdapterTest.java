package io.rppg.adapter.jobs.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class JdkHttpWebhookSenderAdapterTest {

    private final JdkHttpWebhookSenderAdapter guarded = new JdkHttpWebhookSenderAdapter(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fd00::1", "fe80::1", "224.0.0.1"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertThat(JdkHttpWebhookSenderAdapter.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111"})
    void publicAddressesAreNotInternal(String address) throws Exception {
        assertThat(JdkHttpWebhookSenderAdapter.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void loopbackAndMetadataTargetsAreRefused() {
        assertThat(guarded.refusalFor("http://127.0.0.1:8080/hook")).isPresent();
        assertThat(guarded.refusalFor("http://localhost/hook")).isPresent();
        assertThat(guarded.refusalFor("http://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(guarded.refusalFor("http://[::1]/hook")).isPresent();
    }

    @Test
    void malformedOrCredentialBearingUrlsAreRefused() {
        assertThat(guarded.refusalFor("ftp://example.com/hook")).contains("url must use http or https");
        assertThat(guarded.refusalFor("http://user:pw@93.184.216.34/hook")).isPresent();
        assertThat(guarded.refusalFor("not a url")).isPresent();
    }

    @Test
    void privateTargetsPassOnlyWhenAllowed() {
        var permissive = new JdkHttpWebhookSenderAdapter(true);
        assertThat(permissive.refusalFor("http://127.0.0.1:8080/hook")).isEmpty();
    }
}
