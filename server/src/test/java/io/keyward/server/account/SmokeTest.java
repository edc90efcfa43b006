package io.keyward.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.client.KeywardClient;
import io.keyward.client.Session;
import io.keyward.protocol.account.AccountInfo;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void smoke() {
        try (TestCluster cluster = TestCluster.sqlite(dir); KeywardClient client = cluster.client(0)) {
            String org = cluster.openOrg();
            client.register(org, "Alice", "pw".toCharArray(), null);
            try (Session s = client.login(org, "alice", "pw".toCharArray())) {
                assertThat(s.registrationPending()).isTrue();
                s.complete(new CompleteAccountRequest("AAAA", new DeviceKeys("laptop",
                        io.keyward.crypto.util.Base64Url.encode(new byte[32]), io.keyward.crypto.util.Base64Url.encode(new byte[32]))));
            }
            try (Session s = client.login(org, "alice", "pw".toCharArray())) {
                AccountInfo info = s.account();
                assertThat(info.status()).isEqualTo("active");
                assertThat(info.userId()).isEqualTo("Alice");
            }
        }
    }
}
