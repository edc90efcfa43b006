package io.keyward.server.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.Keystores;
import io.keyward.client.Keystores.Requests;
import io.keyward.client.Session;
import io.keyward.crypto.keys.KeyType;
import io.keyward.crypto.keys.PublicWorkingKey;
import io.keyward.crypto.keys.VersionedValue;
import io.keyward.crypto.keys.WorkingKey;
import io.keyward.crypto.keys.jwk.Jwk;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.keystore.ImportKeyRequest;
import io.keyward.protocol.keystore.KeyInfo;
import io.keyward.protocol.keystore.OperationRequest;
import io.keyward.protocol.keystore.OperationResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keystores over real HTTPS (an in-process node, sealed requests through the SDK): round trips of every
 * key type and operation, rotation and retirement, import, delegation and the bad-input list. Subclasses
 * pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeystoresIntegrationTest {
    private static final byte[] MESSAGE = "the message".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "associated".getBytes(StandardCharsets.UTF_8);

    KeystoreCluster cluster;
    KeywardClient client;
    Session alice;
    Session bob;
    Keystores ks;
    Keystores bobKs;

    abstract boolean postgres();

    @BeforeAll
    void start(@TempDir Path dir) {
        cluster = new KeystoreCluster(dir, postgres());
        client = cluster.client();
        alice = cluster.user(client, "alice");
        bob = cluster.user(client, "bob");
        ks = new Keystores(alice);
        bobKs = new Keystores(bob);
    }

    @AfterAll
    void stop() {
        if (alice != null) {
            alice.close();
            bob.close();
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    // RSA 3072 and 4096 differ from 2048 only in size: the crypto module tests them; generating them here is slow.
    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_3072", "RSA_4096"}, mode = EnumSource.Mode.EXCLUDE)
    void everyTypeRoundTripsEveryOperationItPermits(KeyType type) {
        String store = ks.create().keystoreId();
        KeyInfo key = ks.createKey(store, type.id(), null);
        assertThat(key.type()).isEqualTo(type.id());
        assertThat(key.latestVersion()).isEqualTo(1);
        String k = key.keyId();
        if (type.permits(io.keyward.crypto.keys.KeyOperation.SIGN)) {
            String signature = ks.sign(store, k, MESSAGE);
            assertThat(signature).startsWith("kw:v1:");
            ks.verify(store, k, MESSAGE, signature);
            assertCode(() -> ks.verify(store, k, "other".getBytes(StandardCharsets.UTF_8), signature), 400, "signature_invalid");
            // The exported public key verifies the server's signature on its own.
            PublicWorkingKey publicKey = PublicWorkingKey.fromRaw(type,
                    Base64Url.decode(ks.exportPublicKey(store, k, "raw").publicKey(), "raw"));
            publicKey.verify(VersionedValue.parse(signature).bytes(), MESSAGE);
            OperationResponse batch = ks.operate(store, k, "batch-sign",
                    Requests.batch(List.of(Requests.message(MESSAGE), Requests.message(AD))));
            assertThat(batch.items()).hasSize(2);
            ks.verify(store, k, AD, batch.items().get(1).signature());
        }
        if (type.permits(io.keyward.crypto.keys.KeyOperation.ENCRYPT)) {
            String ciphertext = ks.encrypt(store, k, MESSAGE, AD);
            assertThat(ciphertext).startsWith("kw:v1:");
            assertThat(ks.decrypt(store, k, ciphertext, AD)).isEqualTo(MESSAGE);
            assertCode(() -> ks.decrypt(store, k, ciphertext, null), 400, "decryption_failed");
            assertCode(() -> ks.decrypt(store, k, tamper(ciphertext), AD), 400, "decryption_failed");
            OperationResponse encrypted = ks.operate(store, k, "batch-encrypt",
                    Requests.batch(List.of(Requests.encrypt(MESSAGE, null), Requests.encrypt(AD, AD))));
            OperationResponse decrypted = ks.operate(store, k, "batch-decrypt", Requests.batch(List.of(
                    Requests.decrypt(encrypted.items().get(0).ciphertext(), null),
                    Requests.decrypt(encrypted.items().get(1).ciphertext(), AD))));
            assertThat(Base64Url.decode(decrypted.items().get(1).plaintext(), "p")).isEqualTo(AD);
        }
        if (type.permits(io.keyward.crypto.keys.KeyOperation.GENERATE_DATA_KEY)) {
            OperationResponse dataKey = ks.operate(store, k, "generate-data-key", Requests.dataKey(true, AD));
            assertThat(Base64Url.decode(dataKey.plaintext(), "p")).hasSize(32);
            String opName = type.permits(io.keyward.crypto.keys.KeyOperation.UNWRAP) ? "unwrap" : "decrypt";
            OperationRequest open = opName.equals("unwrap") ? Requests.unwrap(dataKey.wrapped(), AD)
                    : Requests.decrypt(dataKey.wrapped(), AD);
            OperationResponse opened = ks.operate(store, k, opName, open);
            assertThat(opName.equals("unwrap") ? opened.key() : opened.plaintext()).isEqualTo(dataKey.plaintext());
            assertThat(ks.operate(store, k, "generate-data-key", Requests.dataKey(false, null)).plaintext()).isNull();
        }
        if (type.permits(io.keyward.crypto.keys.KeyOperation.WRAP)) {
            byte[] contentKey = new byte[32];
            contentKey[0] = 7;
            String wrapped = ks.operate(store, k, "wrap", Requests.wrap(contentKey, AD)).wrapped();
            assertThat(Base64Url.decode(ks.operate(store, k, "unwrap", Requests.unwrap(wrapped, AD)).key(), "k"))
                    .isEqualTo(contentKey);
            assertCode(() -> ks.operate(store, k, "unwrap", Requests.unwrap(tamper(wrapped), AD)), 400, "decryption_failed");
        }
        if (type.permits(io.keyward.crypto.keys.KeyOperation.ENCAPSULATE)) {
            OperationResponse encapsulated = ks.operate(store, k, "encapsulate", null);
            assertThat(Base64Url.decode(encapsulated.key(), "k")).hasSize(32);
            assertThat(ks.operate(store, k, "decapsulate", Requests.decrypt(encapsulated.ciphertext(), null)).key())
                    .isEqualTo(encapsulated.key());
        }
        if (type.permits(io.keyward.crypto.keys.KeyOperation.MAC)) {
            String mac = ks.operate(store, k, "mac", Requests.message(MESSAGE)).mac();
            assertThat(ks.operate(store, k, "verify-mac", Requests.verifyMac(MESSAGE, mac)).valid()).isTrue();
            assertCode(() -> ks.operate(store, k, "verify-mac", Requests.verifyMac(MESSAGE, tamper(mac))), 400, "mac_invalid");
        }
        if (type.isSymmetric()) {
            assertCode(() -> ks.exportPublicKey(store, k, "raw"), 400, "operation_not_supported");
        } else {
            assertThat(ks.exportPublicKey(store, k, "spki-pem").publicKey()).startsWith("-----BEGIN PUBLIC KEY-----");
            if (type != KeyType.ML_KEM_768) {
                Map<String, Object> jwk = ks.exportPublicKey(store, k, "jwk").jwk();
                assertThat(Jwk.importPublic(type, Jwk.toJson(jwk)).raw())
                        .isEqualTo(Base64Url.decode(ks.exportPublicKey(store, k, "raw").publicKey(), "raw"));
                @SuppressWarnings("unchecked")
                List<Object> keys = (List<Object>) ks.jwks(store).get("keys");
                assertThat(keys).hasSize(1);
            }
        }
        // Every type refuses at least one operation it does not offer, with the same code.
        String wrong = type.permits(io.keyward.crypto.keys.KeyOperation.SIGN) ? "encrypt" : "sign";
        if (!(type.family() == KeyType.Family.RSA && wrong.equals("encrypt"))) {
            String before = cluster.state();
            assertCode(() -> ks.operate(store, k, wrong, Requests.encrypt(MESSAGE, null)), 400, "operation_not_supported");
            assertThat(cluster.state()).isEqualTo(before);
        }
        ks.delete(store, true);
    }

    @Test
    void rotationKeepsOldVersionsUntilTheMinimumRetiresThem() {
        String store = ks.create().keystoreId();
        ks.createKey(store, "aes256-gcm", "data");
        ks.createKey(store, "ed25519", "signer");
        String v1 = ks.encrypt(store, "data", MESSAGE, null);
        String s1 = ks.sign(store, "signer", MESSAGE);
        assertThat(ks.rotate(store, "data").latestVersion()).isEqualTo(2);
        ks.rotate(store, "signer");
        String v2 = ks.encrypt(store, "data", MESSAGE, null);
        assertThat(v2).startsWith("kw:v2:");
        assertThat(ks.decrypt(store, "data", v1, null)).isEqualTo(MESSAGE);
        ks.verify(store, "signer", MESSAGE, s1);
        assertThat(ks.key(store, "signer").versions()).hasSize(2);

        assertThat(ks.setMinDecryptionVersion(store, "data", 2).minDecryptionVersion()).isEqualTo(2);
        ks.operate(store, "signer", "min-decryption-version", Requests.version(2));
        String before = cluster.state();
        assertCode(() -> ks.decrypt(store, "data", v1, null), 400, "key_version_retired");
        assertCode(() -> ks.verify(store, "signer", MESSAGE, s1), 400, "key_version_retired");
        assertCode(() -> ks.decrypt(store, "data", "kw:v9:" + v2.substring(6), null), 400, "key_version_unknown");
        assertCode(() -> ks.decrypt(store, "data", "vault:v1:AAAA", null), 400, "versioned_value_invalid");
        assertThat(cluster.state()).isEqualTo(before);
        assertThat(ks.decrypt(store, "data", v2, null)).isEqualTo(MESSAGE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jwks = (List<Map<String, Object>>) ks.jwks(store).get("keys");
        assertThat(jwks).extracting(j -> j.get("kid")).containsExactly("signer.v2");
    }

    @Test
    void disabledKeysRefuseEveryUseUntilEnabled() {
        String store = ks.create().keystoreId();
        ks.createKey(store, "hmac-sha256", "m");
        String mac = ks.operate(store, "m", "mac", Requests.message(MESSAGE)).mac();
        assertThat(ks.disable(store, "m").enabled()).isFalse();
        String before = cluster.state();
        assertCode(() -> ks.operate(store, "m", "mac", Requests.message(MESSAGE)), 409, "key_disabled");
        assertCode(() -> ks.operate(store, "m", "verify-mac", Requests.verifyMac(MESSAGE, mac)), 409, "key_disabled");
        assertThat(cluster.state()).isEqualTo(before);
        assertThat(ks.enable(store, "m").enabled()).isTrue();
        ks.verifyMac(store, "m", MESSAGE, mac);
        assertThat(ks.mac(store, "m", MESSAGE)).isEqualTo(mac);
    }

    @Test
    void keystoresAreListedDeletedOnlyWhenEmptyOrForced() {
        String store = ks.create().keystoreId();
        assertThat(ks.list().keystores()).extracting(k -> k.keystoreId()).contains(store);
        assertThat(bobKs.list().keystores()).extracting(k -> k.keystoreId()).doesNotContain(store);
        ks.createKey(store, "ecdsa-p256", "p");
        String before = cluster.state();
        assertCode(() -> ks.delete(store, false), 409, "keystore_not_empty");
        assertThat(cluster.state()).isEqualTo(before);
        ks.deleteKey(store, "p");
        ks.delete(store, false);
        assertCode(() -> ks.get(store), 404, "keystore_not_found");

        String forced = ks.create().keystoreId();
        ks.createKey(forced, "ecdsa-p256", "p");
        ks.delete(forced, true);
        assertCode(() -> ks.key(forced, "p"), 404, "keystore_not_found");
        assertThat(cluster.rowsOf(store)).isZero();
        assertThat(cluster.rowsOf(forced)).isZero();
    }

    @Test
    void importsPkcs8JwkAndRawAndRefusesMismatchesAndMalformedJwks() {
        String store = ks.create().keystoreId();
        WorkingKey ed = WorkingKey.generate(KeyType.ED25519);
        KeyInfo imported = ks.importKey(store, new ImportKeyRequest("ed25519", "pkcs8", Base64Url.encode(ed.toPkcs8()), "ed"));
        assertThat(imported.versions().get(0).publicKey()).isEqualTo(Base64Url.encode(ed.publicKey().raw()));
        ed.verify(VersionedValue.parse(ks.sign(store, "ed", MESSAGE)).bytes(), MESSAGE);

        WorkingKey p256 = WorkingKey.generate(KeyType.ECDSA_P256);
        ks.importKey(store, new ImportKeyRequest("ecdsa-p256", "jwk", Jwk.toJson(Jwk.privateJwk(p256, null)), "jwk"));
        p256.verify(VersionedValue.parse(ks.sign(store, "jwk", MESSAGE)).bytes(), MESSAGE);

        byte[] aes = new byte[32];
        aes[5] = 1;
        ks.importKey(store, new ImportKeyRequest("aes256-gcm", "raw", Base64Url.encode(aes), "aes"));
        byte[] ciphertext = VersionedValue.parse(ks.encrypt(store, "aes", MESSAGE, AD)).bytes();
        assertThat(WorkingKey.importRaw(KeyType.AES_256_GCM, aes).decrypt(ciphertext, AD)).isEqualTo(MESSAGE);

        String before = cluster.state();
        assertCode(() -> ks.importKey(store, new ImportKeyRequest("ecdsa-p384", "pkcs8", Base64Url.encode(p256.toPkcs8()), "x")),
                400, "key_import_type_mismatch");
        assertCode(() -> ks.importKey(store, new ImportKeyRequest("ecdsa-p256", "jwk", "{\"kty\":\"EC\",\"crv\":", "y")),
                400, "jwk_invalid");
        assertCode(() -> ks.importKey(store, new ImportKeyRequest("no-such-type", "raw", "AAAA", "z")), 400, "key_type_unknown");
        assertCode(() -> ks.importKey(store, new ImportKeyRequest("aes256-gcm", "raw", Base64Url.encode(aes), "aes")), 409,
                "key_exists");
        assertThat(cluster.state()).isEqualTo(before);
    }

    @Test
    void delegatesDoWhatTheirGrantSaysAndNothingElse() {
        String store = ks.create().keystoreId();
        ks.createKey(store, "ed25519", "signer");
        ks.createKey(store, "aes256-gcm", "data");
        String before = cluster.state();
        assertCode(() -> bobKs.sign(store, "signer", MESSAGE), 403, "keystore_forbidden");
        assertCode(() -> bobKs.get(store), 403, "keystore_forbidden");
        assertCode(() -> bobKs.delete(store, true), 403, "keystore_forbidden");
        assertCode(() -> bobKs.sign("ks_no-such-keystore-000000", "signer", MESSAGE), 404, "keystore_not_found");
        assertThat(cluster.state()).isEqualTo(before);

        var grant = ks.grant(store, "bob", "signer", List.of("sign", "verify"), Instant.now().plus(1, ChronoUnit.HOURS));
        String signature = bobKs.sign(store, "signer", MESSAGE);
        bobKs.verify(store, "signer", MESSAGE, signature);
        assertThat(bobKs.key(store, "signer").keyId()).isEqualTo("signer");
        // A key-scoped grant does not reveal the keystore's other keys.
        assertThat(bobKs.keys(store).keys()).extracting(KeyInfo::keyId).containsExactly("signer");
        assertThat(ks.keys(store).keys()).extracting(KeyInfo::keyId).containsExactly("signer", "data");
        assertCode(() -> bobKs.key(store, "data"), 403, "operation_not_granted");
        String afterGrant = cluster.state();
        assertCode(() -> bobKs.encrypt(store, "data", MESSAGE, null), 403, "operation_not_granted");
        assertCode(() -> bobKs.rotate(store, "signer"), 403, "controller_only");
        assertCode(() -> bobKs.deleteKey(store, "signer"), 403, "controller_only");
        assertCode(() -> bobKs.createKey(store, "ed25519", "mine"), 403, "controller_only");
        assertCode(() -> bobKs.grant(store, "bob", null, List.of("encrypt"), Instant.now().plus(1, ChronoUnit.HOURS)), 403,
                "controller_only");
        assertCode(() -> bobKs.delete(store, true), 403, "controller_only");
        assertThat(cluster.state()).isEqualTo(afterGrant);
        assertThat(ks.grants(store).grants()).extracting(g -> g.grantee()).containsExactly("bob");

        ks.revoke(store, grant.grantId());
        assertCode(() -> bobKs.sign(store, "signer", MESSAGE), 403, "keystore_forbidden");

        ks.grant(store, "bob", null, List.of("encrypt"), Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(bobKs.encrypt(store, "data", MESSAGE, null)).startsWith("kw:v1:");
        assertCode(() -> bobKs.sign(store, "signer", MESSAGE), 403, "operation_not_granted");
        assertCode(() -> ks.grant(store, "nobody-here", null, List.of("encrypt"), Instant.now().plus(1, ChronoUnit.HOURS)),
                404, "grantee_unknown");
        assertCode(() -> ks.grant(store, "bob", null, List.of("encrypt"), Instant.now().minusSeconds(1)), 400, "invalid_field");
        assertCode(() -> ks.grant(store, "bob", null, List.of("rotate"), Instant.now().plus(1, ChronoUnit.HOURS)), 400,
                "invalid_field");
        assertCode(() -> ks.grant(store, "bob", null, List.of("fly"), Instant.now().plus(1, ChronoUnit.HOURS)), 404,
                "operation_unknown");
    }

    @Test
    void unknownKeysOperationsAndTypesHaveTheirOwnCodes() {
        String store = ks.create().keystoreId();
        String before = cluster.state();
        assertCode(() -> ks.sign(store, "missing", MESSAGE), 404, "key_not_found");
        assertCode(() -> ks.createKey(store, "des-56", null), 400, "key_type_unknown");
        ks.createKey(store, "ed25519", "e");
        assertCode(() -> ks.operate(store, "e", "frobnicate", null), 404, "operation_unknown");
        assertCode(() -> ks.verify(store, "e", MESSAGE, "kw:v1:not*base64"), 400, "versioned_value_invalid");
        assertThat(cluster.state()).isNotEqualTo(before);
    }

    @Test
    void authenticatedWrapsNeedTheSendersKeyAndSignatureOptionsRoundTrip() {
        String store = ks.create().keystoreId();
        ks.createKey(store, "x25519", "sender");
        ks.createKey(store, "x25519", "recipient");
        String senderPublic = ks.key(store, "sender").versions().get(0).publicKey();
        String recipientPublic = ks.key(store, "recipient").versions().get(0).publicKey();
        byte[] contentKey = new byte[32];
        contentKey[3] = 9;
        OperationRequest wrap = new OperationRequest(null, null, null, null, null, Base64Url.encode(AD),
                Base64Url.encode(contentKey), null, recipientPublic, null, true, null, null, null, null, null, null);
        String wrapped = ks.operate(store, "sender", "wrap", wrap).wrapped();
        OperationRequest unwrap = new OperationRequest(null, null, null, null, null, Base64Url.encode(AD), null, wrapped, null,
                senderPublic, null, null, null, null, null, null, null);
        assertThat(Base64Url.decode(ks.operate(store, "recipient", "unwrap", unwrap).key(), "k")).isEqualTo(contentKey);
        // Without the sender's key the wrap is refused as the wrong kind, with the wrong sender it does not open.
        assertCode(() -> ks.operate(store, "recipient", "unwrap", Requests.unwrap(wrapped, AD)), 400, "key_mismatch");
        OperationRequest wrongSender = new OperationRequest(null, null, null, null, null, Base64Url.encode(AD), null, wrapped,
                null, recipientPublic, null, null, null, null, null, null, null);
        assertCode(() -> ks.operate(store, "recipient", "unwrap", wrongSender), 400, "decryption_failed");

        ks.createKey(store, "ecdsa-p384", "p384");
        OperationRequest p1363 = new OperationRequest(Base64Url.encode(MESSAGE), null, null, null, null, null, null, null, null,
                null, null, null, "p1363", null, null, null, null);
        String signature = ks.operate(store, "p384", "sign", p1363).signature();
        assertThat(VersionedValue.parse(signature).bytes()).hasSize(96);
        OperationRequest verifyP1363 = new OperationRequest(Base64Url.encode(MESSAGE), signature, null, null, null, null, null,
                null, null, null, null, null, "p1363", null, null, null, null);
        assertThat(ks.operate(store, "p384", "verify", verifyP1363).valid()).isTrue();
        assertCode(() -> ks.verify(store, "p384", MESSAGE, signature), 400, "signature_invalid");
        ks.delete(store, true);
    }

    @Test
    void anotherOrgsKeystoreIsUnknown() {
        String store = ks.create().keystoreId();
        ks.createKey(store, "ed25519", "e");
        // The same user name in another org of the same node.
        String org = cluster.newOrg();
        client.register(org, "alice", "pw".toCharArray(), null);
        try (Session registration = client.login(org, "alice", "pw".toCharArray())) {
            registration.complete(new io.keyward.protocol.account.CompleteAccountRequest("AQID",
                    new io.keyward.protocol.account.DeviceKeys("d", Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
        }
        try (Session otherAlice = client.login(org, "alice", "pw".toCharArray())) {
            Keystores otherKs = new Keystores(otherAlice);
            String before = cluster.state();
            assertCode(() -> otherKs.sign(store, "e", MESSAGE), 404, "keystore_not_found");
            assertCode(() -> otherKs.delete(store, true), 404, "keystore_not_found");
            assertThat(cluster.state()).isEqualTo(before);
        }
    }

    static String tamper(String versioned) {
        VersionedValue value = VersionedValue.parse(versioned);
        byte[] bytes = value.bytes();
        bytes[bytes.length - 1] ^= 1;
        return new VersionedValue(value.version(), bytes).format();
    }

    static void assertCode(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeywardApiException.class, e -> {
            assertThat(e.code()).as(e.detail()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
        });
    }
}
