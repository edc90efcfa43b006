package io.keyward.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.client.KeywardApiException;
import io.keyward.client.Session;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.crypto.ssss.SecretStorageKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code secrets.*} limits of the node config apply, with errors that name the limit. */
class SecretLimitsTest {
    @TempDir
    Path dir;

    static void refused(Runnable call, int status, String code, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KeywardApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.detail()).contains(detail);
        });
    }

    @Test
    void configuredLimitsOnNamesSizesItemsAndKeysAreEnforced() {
        try (SecretNode node = new SecretNode(dir, false, "SECRETS_MAX_NAME_LENGTH", "8", "SECRETS_MAX_ITEM_BYTES", "300",
                "SECRETS_MAX_ITEMS", "2", "SECRETS_MAX_KEYS", "2")) {
            String user = SecretNode.newUser();
            node.register(user, "pw");
            try (Session session = node.login(user, "pw"); SecretStorage secrets = SecretStorage.open(session);
                 SecretStorageKey second = SecretStorageKey.generate(); SecretStorageKey third = SecretStorageKey.generate()) {
                byte[] small = "v".getBytes(StandardCharsets.UTF_8);
                refused(() -> secrets.put("ninechars", small), 400, "invalid_field", "1-8 characters");
                refused(() -> secrets.put("big", new byte[300]), 413, "secret_limit", "at most 300 bytes");
                secrets.put("one", small);
                secrets.put("two", small);
                secrets.put("two", small); // a new version of a live name is not a new item
                refused(() -> secrets.put("three", small), 409, "secret_limit", "at most 2 secrets");
                secrets.delete("one", 1);
                assertThat(secrets.put("three", small)).isEqualTo(1);
                secrets.addKey(second, "second", null, false);
                refused(() -> secrets.addKey(third, "third", null, false), 409, "secret_limit", "at most 2 secret-storage keys");
                assertThat(secrets.keys()).hasSize(2);
                assertThat(secrets.list(null, 10).items()).hasSize(2);
                assertThat(List.of(secrets.history("one").getLast().deleted())).containsExactly(true);
            }
        }
    }
}
