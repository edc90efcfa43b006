package io.keyward.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.client.KeywardApiException;
import io.keyward.client.Session;
import io.keyward.client.secrets.KeyBundle;
import io.keyward.client.secrets.NewKeyBundle;
import io.keyward.client.secrets.SecretInfo;
import io.keyward.client.secrets.SecretPage;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.client.secrets.SecretStorageException;
import io.keyward.client.secrets.SecretValue;
import io.keyward.crypto.ssss.AesHmacSha2;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.ssss.SsssItem;
import io.keyward.crypto.testing.Vectors;
import io.keyward.crypto.util.Base64Url;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client-side secret storage end to end: the SDK encrypts, the node stores Matrix SSSS JSON it cannot open.
 * Runs once per database kind (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecretStorageIntegrationTest {
    SecretNode node;

    abstract boolean postgres();

    @BeforeAll
    void start(@TempDir Path dir) {
        node = new SecretNode(dir, postgres());
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void assertCode(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KeywardApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    @Test
    void theDefaultKeyFollowsTheAccountAcrossLoginsAndPasswordChanges() {
        String user = SecretNode.newUser();
        NewKeyBundle created = node.register(user, "first password");
        try (Session session = node.login(user, "first password"); SecretStorage secrets = SecretStorage.open(session)) {
            assertThat(secrets.defaultKeyId()).isEqualTo(created.keyId());
            assertThat(secrets.recoveryKey(created.keyId())).isEqualTo(created.recoveryKey());
            assertThat(secrets.put("m.cross_signing.master", utf8("the master key"))).isEqualTo(1);
        }
        // another device: a fresh login unwraps the same key and reads the item
        try (Session session = node.login(user, "first password"); SecretStorage secrets = SecretStorage.open(session)) {
            try (SecretValue value = secrets.get("m.cross_signing.master")) {
                assertThat(new String(value.value(), StandardCharsets.UTF_8)).isEqualTo("the master key");
                assertThat(value.version()).isEqualTo(1);
                assertThat(value.keyIds()).containsExactly(created.keyId());
            }
            session.changePassword("second password".toCharArray(), secrets::keyBundleFor);
        }
        try (Session session = node.login(user, "second password"); SecretStorage secrets = SecretStorage.open(session);
             SecretValue value = secrets.get("m.cross_signing.master")) {
            assertThat(new String(value.value(), StandardCharsets.UTF_8)).isEqualTo("the master key");
        }
        // the recovery key alone opens it too
        try (Session session = node.login(user, "second password");
             SecretStorageKey key = SecretStorageKey.fromRecoveryKey(created.recoveryKey());
             SecretStorage secrets = SecretStorage.withKey(session, created.keyId(), key);
             SecretValue value = secrets.get("m.cross_signing.master")) {
            assertThat(new String(value.value(), StandardCharsets.UTF_8)).isEqualTo("the master key");
        }
    }

    @Test
    void aForgottenPasswordIsReplacedWithTheRecoveryKeyAndEverySecretReadsAgain() {
        String user = SecretNode.newUser();
        NewKeyBundle created = node.register(user, "forgotten password");
        Session before = node.login(user, "forgotten password");
        try (SecretStorage secrets = SecretStorage.open(before)) {
            secrets.put("one", utf8("first secret"));
            secrets.put("two", utf8("second secret"));
            secrets.put("two", utf8("second secret, v2"));
        }
        // a wrong key proves nothing and changes nothing
        try (SecretStorageKey wrong = SecretStorageKey.generate()) {
            assertCode(() -> node.client.recover("default", user, "attacker's password".toCharArray(), wrong), 401,
                    "recovery_failed");
        }
        assertThat(before.account().userId()).isEqualTo(user);
        assertCode(() -> node.client.recover("default", "nobody-" + user, "x".toCharArray(), SecretStorageKey.generate()), 404,
                "recovery_unavailable");

        try (SecretStorageKey key = SecretStorageKey.fromRecoveryKey(created.recoveryKey())) {
            node.client.recover("default", user, "brand new password".toCharArray(), key);
        }
        assertCode(before::account, 401, "session_invalid");
        assertCode(() -> node.login(user, "forgotten password"), 401, "login_failed");
        try (Session session = node.login(user, "brand new password"); SecretStorage secrets = SecretStorage.open(session)) {
            assertThat(secrets.defaultKeyId()).isEqualTo(created.keyId());
            try (SecretValue one = secrets.get("one"); SecretValue two = secrets.get("two")) {
                assertThat(one.value()).isEqualTo(utf8("first secret"));
                assertThat(two.value()).isEqualTo(utf8("second secret, v2"));
            }
        }
    }

    @Test
    void aKeyBundleOpensOnlyUnderItsOwnKeyAndKeyId() {
        byte[] bundleKey = new byte[32];
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        try (SecretStorageKey key = SecretStorageKey.generate()) {
            byte[] bundle = KeyBundle.wrap(bundleKey, "abc", key);
            try (KeyBundle.Opened opened = KeyBundle.unwrap(bundleKey, bundle)) {
                assertThat(opened.keyId()).isEqualTo("abc");
                assertThat(opened.key().bytes()).isEqualTo(key.bytes());
            }
            assertThatThrownBy(() -> KeyBundle.unwrap(otherKey, bundle)).isInstanceOf(SecretStorageException.class)
                    .hasMessageStartingWith("key_bundle_invalid");
            byte[] renamed = bundle.clone();
            renamed[2] = 'x'; // "xbc": the key id is authenticated
            assertThatThrownBy(() -> KeyBundle.unwrap(bundleKey, renamed)).isInstanceOf(SecretStorageException.class);
        }
    }

    @Test
    void versionsAreCheckedAndSetAndHistoryKeepsEveryVersion() {
        String user = SecretNode.newUser();
        node.register(user, "pw");
        try (Session session = node.login(user, "pw"); SecretStorage secrets = SecretStorage.open(session)) {
            List<String> key = List.of(secrets.defaultKeyId());
            assertThat(secrets.put("api.token", utf8("v1"), 0, key)).isEqualTo(1);
            assertCode(() -> secrets.put("api.token", utf8("stale"), 0, key), 409, "version_conflict");
            assertThat(secrets.put("api.token", utf8("v2"), 1, key)).isEqualTo(2);
            assertCode(() -> secrets.put("api.token", utf8("stale"), 1, key), 409, "version_conflict");
            try (SecretValue old = secrets.get("api.token", 1); SecretValue current = secrets.get("api.token")) {
                assertThat(old.value()).isEqualTo(utf8("v1"));
                assertThat(current.value()).isEqualTo(utf8("v2"));
            }
            assertCode(() -> secrets.delete("api.token", 1), 409, "version_conflict");
            assertThat(secrets.delete("api.token", 2)).isEqualTo(3);
            assertCode(() -> secrets.get("api.token"), 404, "secret_not_found");
            assertThat(secrets.history("api.token")).extracting(SecretInfo::version, SecretInfo::deleted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, false), org.assertj.core.groups.Tuple.tuple(2L, false),
                            org.assertj.core.groups.Tuple.tuple(3L, true));
            assertThat(secrets.put("api.token", utf8("again"))).isEqualTo(4);
        }
    }

    @Test
    void listingIsPagedByNameAndShowsWhichKeysEncryptEachItem() {
        String user = SecretNode.newUser();
        node.register(user, "pw");
        try (Session session = node.login(user, "pw"); SecretStorage secrets = SecretStorage.open(session);
             SecretStorageKey second = SecretStorageKey.generate()) {
            String secondId = secrets.addKey(second, "backup key", null, false);
            for (int i = 0; i < 5; i++) {
                secrets.put("item-" + i, utf8("value " + i));
            }
            secrets.put("item-9", utf8("both"), 0, List.of(secrets.defaultKeyId(), secondId));
            SecretPage first = secrets.list(null, 4);
            assertThat(first.items()).extracting(SecretInfo::name).containsExactly("item-0", "item-1", "item-2", "item-3");
            assertThat(first.nextAfter()).isEqualTo("item-3");
            SecretPage rest = secrets.list(first.nextAfter(), 4);
            assertThat(rest.items()).extracting(SecretInfo::name).containsExactly("item-4", "item-9");
            assertThat(rest.nextAfter()).isNull();
            assertThat(rest.items().get(1).keyIds()).containsExactlyInAnyOrder(secrets.defaultKeyId(), secondId);
            assertThat(secrets.keys()).hasSize(2).filteredOn(k -> k.isDefault()).singleElement()
                    .satisfies(k -> assertThat(k.keyId()).isEqualTo(secrets.defaultKeyId()));

            // the second key opens the item it encrypts, alone
            try (Session other = node.login(user, "pw"); SecretStorage onlySecond = SecretStorage.withKey(other, secondId, second);
                 SecretValue value = onlySecond.get("item-9")) {
                assertThat(value.value()).isEqualTo(utf8("both"));
                assertThatThrownBy(() -> onlySecond.get("item-0")).isInstanceOf(SecretStorageException.class)
                        .hasMessageStartingWith("key_locked");
            }
            // a key that some item depends on alone cannot go; one that only shares items can
            assertCode(() -> secrets.removeKey(secrets.defaultKeyId()), 409, "secret_key_in_use");
            secrets.removeKey(secondId);
            assertThat(secrets.keys()).hasSize(1);
            // move every item to a new key; then the old one can go, and the items still read
            try (SecretStorageKey third = SecretStorageKey.generate()) {
                String oldDefault = secrets.defaultKeyId();
                String thirdId = secrets.addKey(third, "replacement", null, true);
                for (SecretInfo info : secrets.listAll()) {
                    assertThat(secrets.reencrypt(info.name(), List.of(thirdId))).isEqualTo(info.version() + 1);
                }
                secrets.removeKey(oldDefault);
                try (SecretValue value = secrets.get("item-3")) {
                    assertThat(value.value()).isEqualTo(utf8("value 3"));
                    assertThat(value.keyIds()).containsExactly(thirdId);
                }
            }
        }
    }

    @Test
    void concurrentPutsOfOneVersionFromTwoSessionsLetExactlyOneWin() throws Exception {
        String user = SecretNode.newUser();
        node.register(user, "pw");
        try (Session a = node.login(user, "pw"); Session b = node.login(user, "pw");
             SecretStorage sa = SecretStorage.open(a); SecretStorage sb = SecretStorage.open(b)) {
            List<String> key = List.of(sa.defaultKeyId());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (long version = 0; version < 5; version++) {
                    long replaces = version;
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<String>> tries = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        SecretStorage s = i % 2 == 0 ? sa : sb;
                        String value = "writer " + i + " of v" + (replaces + 1);
                        tries.add(pool.submit(() -> {
                            go.await();
                            try {
                                s.put("contended", utf8(value), replaces, key);
                                return value;
                            } catch (KeywardApiException e) {
                                assertThat(e.code()).isEqualTo("version_conflict");
                                return null;
                            }
                        }));
                    }
                    go.countDown();
                    List<String> winners = new ArrayList<>();
                    for (Future<String> t : tries) {
                        String won = t.get();
                        if (won != null) {
                            winners.add(won);
                        }
                    }
                    assertThat(winners).hasSize(1);
                    try (SecretValue stored = sb.get("contended")) {
                        assertThat(stored.version()).isEqualTo(replaces + 1);
                        assertThat(new String(stored.value(), StandardCharsets.UTF_8)).isEqualTo(winners.getFirst());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sa.history("contended")).hasSize(5);
        }
    }

    @Test
    void theServerRefusesMalformedItemsUnknownKeysAndBadNames() {
        String user = SecretNode.newUser();
        node.register(user, "pw");
        try (Session session = node.login(user, "pw"); SecretStorage secrets = SecretStorage.open(session)) {
            String keyId = secrets.defaultKeyId();
            Map<String, String> good = Map.of("iv", "AAECAwQFBgcIAAAAAAAAAA==", "ciphertext", "aGk=",
                    "mac", "TuvdQbpKCnLLH+Qz8oaixaW4+7O/bM7P+dJYR4JMSeQ=");
            assertCode(() -> session.call("PUT", "/v1/secrets/x", Map.of("replaces", 0, "item", Map.of("plain", "text")),
                    JsonNode.class), 400, "invalid_field");
            assertCode(() -> session.call("PUT", "/v1/secrets/x", Map.of("replaces", 0,
                    "item", Map.of("encrypted", Map.of(keyId, Map.of("iv", "AAEC", "ciphertext", "aGk=", "mac", good.get("mac"))))),
                    JsonNode.class), 400, "invalid_field");
            assertCode(() -> session.call("PUT", "/v1/secrets/x", Map.of("replaces", 0,
                    "item", Map.of("encrypted", Map.of("nobodys-key", good))), JsonNode.class), 400, "secret_key_not_found");
            assertCode(() -> session.call("PUT", "/v1/secrets/x", Map.of("item", Map.of("encrypted", Map.of(keyId, good))),
                    JsonNode.class), 400, "invalid_field");
            assertCode(() -> secrets.put("tilde~name", utf8("x"), 0, List.of(keyId)), 400, "invalid_field");
            assertThatThrownBy(() -> secrets.put("no spaces", utf8("x"), 0, List.of(keyId)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertCode(() -> secrets.put("x".repeat(129), utf8("x"), 0, List.of(keyId)), 400, "invalid_field");
            assertCode(() -> secrets.put("big", new byte[70_000], 0, List.of(keyId)), 413, "secret_limit");
            assertCode(() -> session.call("PUT", "/v1/secret-keys/k2", Map.of("description",
                    Map.of("algorithm", "m.secret_storage.v1.curve25519", "iv", good.get("iv"), "mac", good.get("mac"))),
                    JsonNode.class), 400, "invalid_field");
        }
    }

    @Test
    void matrixVectorsDecryptThroughTheServerAndTheSdkAndKeywardItemsDecryptAsMatrixDefines() throws Exception {
        Path file = Vectors.file("matrix-ssss.json");
        assumeTrue(Files.exists(file), "matrix-ssss.json is absent");
        JsonNode vector = new ObjectMapper().readTree(file.toFile()).get("encrypt_fixed_iv");
        String name = vector.get("name").asText();
        String user = SecretNode.newUser();
        node.register(user, "pw");
        try (Session session = node.login(user, "pw"); SecretStorage secrets = SecretStorage.open(session);
             SecretStorageKey key = SecretStorageKey.fromRecoveryKey(vector.get("recovery_key").asText())) {
            assertThat(HexFormat.of().formatHex(key.bytes())).isEqualTo(vector.get("key_hex").asText());
            String keyId = secrets.addKey(key, "matrix vector key", null, false);
            // the vector's item, stored as a Matrix client would, read back and opened by the SDK
            JsonNode encrypted = vector.get("encrypted");
            Map<String, Object> item = Map.of("encrypted", Map.of(keyId, Map.of("iv", encrypted.get("iv").asText(),
                    "ciphertext", encrypted.get("ciphertext").asText(), "mac", encrypted.get("mac").asText())));
            session.call("PUT", "/v1/secrets/" + name, Map.of("replaces", 0, "item", item), JsonNode.class);
            try (SecretValue value = secrets.get(name)) {
                assertThat(new String(value.value(), StandardCharsets.UTF_8)).isEqualTo(vector.get("plaintext").asText());
            }
            // a tampered MAC is refused by the SDK
            String mac = encrypted.get("mac").asText();
            String badMac = (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1);
            Map<String, Object> tampered = Map.of("encrypted", Map.of(keyId, Map.of("iv", encrypted.get("iv").asText(),
                    "ciphertext", encrypted.get("ciphertext").asText(), "mac", badMac)));
            session.call("PUT", "/v1/secrets/" + name, Map.of("replaces", 1, "item", tampered), JsonNode.class);
            assertThatThrownBy(() -> secrets.get(name)).isInstanceOf(SecretStorageException.class)
                    .hasMessageStartingWith("decrypt_failed");

            // an item Keyward writes is exactly Matrix's: the stored JSON opens with the spec algorithm and the key
            secrets.put("written.by.keyward", utf8(vector.get("plaintext").asText()), 0, List.of(keyId));
            JsonNode stored = session.call("GET", "/v1/secrets/written.by.keyward", null, JsonNode.class)
                    .path("item").path("encrypted").path(keyId);
            SsssItem ssss = SsssItem.fromBase64(stored.get("iv").asText(), stored.get("ciphertext").asText(),
                    stored.get("mac").asText());
            assertThat(new String(AesHmacSha2.decrypt(key, "written.by.keyward", ssss), StandardCharsets.UTF_8))
                    .isEqualTo(vector.get("plaintext").asText());
            assertThat(Base64.getDecoder().decode(stored.get("iv").asText())[8] & 0x80).as("bit 63 of the IV is clear")
                    .isZero();
        }
    }

    @Test
    void theDatabaseNeverHoldsAPlaintextOrAnUnwrappedSecretStorageKey() throws Exception {
        String user = SecretNode.newUser();
        NewKeyBundle created = node.register(user, "pw");
        String plaintext = "PLAINTEXT-" + Long.toHexString(System.nanoTime()) + "-needle";
        byte[] keyBytes;
        try (Session session = node.login(user, "pw"); SecretStorage secrets = SecretStorage.open(session);
             SecretStorageKey key = SecretStorageKey.fromRecoveryKey(created.recoveryKey())) {
            keyBytes = key.bytes();
            secrets.put("scan.me", utf8(plaintext));
            secrets.put("scan.me", utf8(plaintext + "-2"));
        }
        assertThat(node.dump("secret_items")).contains("scan.me");
        List<String> needles = List.of(plaintext, created.recoveryKey(), created.recoveryKey().replace(" ", ""),
                new String(keyBytes, StandardCharsets.ISO_8859_1), Base64.getEncoder().encodeToString(keyBytes),
                Base64.getEncoder().withoutPadding().encodeToString(keyBytes), Base64Url.encode(keyBytes),
                HexFormat.of().formatHex(keyBytes));
        String dump = node.dump("secret_items", "secret_keys", "users", "sessions");
        for (String needle : needles) {
            assertThat(dump).doesNotContain(needle);
        }
        if (!node.postgres) {
            StringBuilder files = new StringBuilder();
            try (var list = Files.list(node.dir)) {
                for (Path p : list.filter(p -> p.getFileName().toString().contains(".db")
                        || p.getFileName().toString().contains("sqlite")).toList()) {
                    files.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(files.toString()).as("the SQLite files").contains("scan.me");
            for (String needle : needles) {
                assertThat(files.toString()).doesNotContain(needle);
            }
        }
    }
}
