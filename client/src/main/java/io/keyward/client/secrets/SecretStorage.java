package io.keyward.client.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.client.ExportKeys;
import io.keyward.client.KeywardApiException;
import io.keyward.client.Session;
import io.keyward.crypto.ssss.AesHmacSha2;
import io.keyward.crypto.ssss.KeyCheck;
import io.keyward.crypto.ssss.KeyDescription;
import io.keyward.crypto.ssss.PassphraseInfo;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ssss.SsssItem;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's client-side secret storage (docs/secrets.md) over a logged-in {@link Session}. Items are encrypted
 * here with Matrix {@code m.secret_storage.v1.aes-hmac-sha2} under one or more unlocked secret-storage keys
 * and sent as {@code {"encrypted": {"<key id>": {"iv", "ciphertext", "mac"}}}}; the server never sees a key or
 * a plaintext. Writes are check-and-set on the item's version.
 *
 * <p>{@link #open} unlocks the default key from the account's key bundle (wrapped under the export key);
 * {@link #withKey} unlocks a key from its recovery key or passphrase instead. {@link #close()} zeroizes every
 * unlocked key.
 */
public final class SecretStorage implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String DEFAULT_KEY_NAME = "Keyward default key";

    private final Session session;
    private final Map<String, SecretStorageKey> unlocked = new ConcurrentHashMap<>();
    private volatile String defaultKeyId;

    private SecretStorage(Session session) {
        this.session = session;
    }

    /** A fresh default secret-storage key wrapped under {@code exportKeys} for a new account's key bundle. */
    public static NewKeyBundle newKeyBundle(ExportKeys exportKeys) {
        byte[] bundleKey = exportKeys.keyBundleKey();
        try (SecretStorageKey key = SecretStorageKey.generate()) {
            String keyId = newKeyId();
            return new NewKeyBundle(KeyBundle.wrap(bundleKey, keyId, key), keyId, key.toRecoveryKey());
        } finally {
            Bytes.zeroize(bundleKey);
        }
    }

    /**
     * Unlocks the default key from the account's key bundle; the first time (right after completion, whose
     * session accepts nothing else) it also publishes the key's description and makes it the default.
     */
    public static SecretStorage open(Session session) {
        String stored = session.account().keyBundle();
        if (stored == null) {
            throw new SecretStorageException(SecretStorageException.KEY_BUNDLE_INVALID, "the account has no key bundle");
        }
        byte[] bundleKey = session.exportKeys().keyBundleKey();
        KeyBundle.Opened opened;
        try {
            opened = KeyBundle.unwrap(bundleKey, Base64Url.decode(stored, "key_bundle"));
        } finally {
            Bytes.zeroize(bundleKey);
        }
        SecretStorage storage = new SecretStorage(session);
        try {
            KeyDescription description = storage.describedOrNull(opened.keyId());
            if (description == null) {
                storage.publish(opened.keyId(), KeyDescription.of(DEFAULT_KEY_NAME, opened.key(), null), true);
                storage.defaultKeyId = opened.keyId();
                storage.unlocked.put(opened.keyId(), opened.key());
                storage.publishRecoveryVerifier(opened.keyId());
            } else if (!description.matches(opened.key())) {
                throw new SecretStorageException(SecretStorageException.KEY_MISMATCH,
                        "the key in the key bundle does not match the stored description of " + opened.keyId());
            } else {
                storage.defaultKeyId = storage.serverDefaultKeyId();
            }
            storage.unlocked.putIfAbsent(opened.keyId(), opened.key());
            return storage;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Unlocks {@code keyId} with a key the caller has (from a recovery key or passphrase), checked against its description. */
    public static SecretStorage withKey(Session session, String keyId, SecretStorageKey key) {
        SecretStorage storage = new SecretStorage(session);
        storage.unlock(keyId, key);
        storage.defaultKeyId = storage.serverDefaultKeyId();
        return storage;
    }

    /** Adds another unlocked key after checking it against the server's description of {@code keyId}. */
    public void unlock(String keyId, SecretStorageKey key) {
        KeyDescription description = describedOrNull(keyId);
        if (description == null) {
            throw new SecretStorageException(SecretStorageException.KEY_MISMATCH, "the account has no key " + keyId);
        }
        if (!description.matches(key)) {
            throw new SecretStorageException(SecretStorageException.KEY_MISMATCH, "this key is not " + keyId + " (key check)");
        }
        SecretStorageKey copy = copyOf(key);
        SecretStorageKey old = unlocked.put(keyId, copy);
        if (old != null) {
            old.close();
        }
    }

    /**
     * Uploads the recovery verifier of an unlocked key (docs/secrets.md, "Recovery"): from then on its recovery
     * key can set a new password. {@link #open} does this for the default key at the first login.
     */
    public void publishRecoveryVerifier(String keyId) {
        session.call("PUT", "/v1/recovery/verifier", Map.of("key_id", keyId,
                "public_key", Base64Url.encode(RecoveryProof.verifier(key(keyId)))), JsonNode.class);
    }

    /** The default key's id (as the server records it). */
    public String defaultKeyId() {
        return defaultKeyId;
    }

    /** The recovery key (Matrix encoding) of an unlocked key: show it to its owner only. */
    public String recoveryKey(String keyId) {
        return key(keyId).toRecoveryKey();
    }

    /** The key bundle rewrapped under new export keys (a password change or a recovery). */
    public byte[] keyBundleFor(ExportKeys fresh) {
        byte[] bundleKey = fresh.keyBundleKey();
        try {
            return KeyBundle.wrap(bundleKey, defaultKeyId, key(defaultKeyId));
        } finally {
            Bytes.zeroize(bundleKey);
        }
    }

    // ---- keys ----

    public List<SecretKeyInfo> keys() {
        JsonNode answer = session.call("GET", "/v1/secret-keys", null, JsonNode.class);
        List<SecretKeyInfo> keys = new ArrayList<>();
        for (JsonNode key : answer.path("keys")) {
            keys.add(new SecretKeyInfo(key.path("key_id").asText(), key.path("default").asBoolean(),
                    description(key.path("description"))));
        }
        return keys;
    }

    /**
     * Adds a key (random, or derived from a passphrase with {@code passphraseOrNull}), publishes its description
     * and keeps it unlocked.
     *
     * @return the new key's id
     */
    public String addKey(SecretStorageKey key, String name, PassphraseInfo passphraseOrNull, boolean makeDefault) {
        String keyId = newKeyId();
        publish(keyId, KeyDescription.of(name, key, passphraseOrNull), makeDefault);
        unlocked.put(keyId, copyOf(key));
        if (makeDefault) {
            defaultKeyId = keyId;
        }
        return keyId;
    }

    public void setDefault(String keyId) {
        session.call("PUT", "/v1/secret-keys/" + keyId + "/default", null, JsonNode.class);
        defaultKeyId = keyId;
    }

    /** Removes a key's description; refused (409 {@code secret_key_in_use}) while an item depends on it only. */
    public void removeKey(String keyId) {
        session.call("DELETE", "/v1/secret-keys/" + keyId, null, JsonNode.class);
        SecretStorageKey old = unlocked.remove(keyId);
        if (old != null) {
            old.close();
        }
    }

    // ---- items ----

    /** Stores {@code value} under the default key, replacing whatever version is current. */
    public long put(String name, byte[] value) {
        return put(name, value, currentVersion(name), List.of(defaultKeyId));
    }

    /**
     * Stores {@code value} encrypted under each of {@code keyIds} (all unlocked) as the version after
     * {@code replaces} (0 for a new name).
     *
     * @return the new version
     * @throws KeywardApiException 409 {@code version_conflict} when {@code replaces} is not current
     */
    public long put(String name, byte[] value, long replaces, Collection<String> keyIds) {
        if (keyIds.isEmpty()) {
            throw new IllegalArgumentException("encrypt under at least one key");
        }
        Map<String, Object> encrypted = new LinkedHashMap<>();
        for (String keyId : keyIds) {
            SsssItem item = AesHmacSha2.encrypt(key(keyId), name, value);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("iv", item.ivBase64());
            fields.put("ciphertext", item.ciphertextBase64());
            fields.put("mac", item.macBase64());
            encrypted.put(keyId, fields);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replaces", replaces);
        body.put("item", Map.of("encrypted", encrypted));
        return session.call("PUT", path(name), body, JsonNode.class).path("version").asLong();
    }

    /**
     * Encrypts the current version of {@code name} again under exactly {@code keyIds} (all unlocked), as a new
     * version (check-and-set against the version read): how items move to another key before the old one goes.
     *
     * @return the new version
     */
    public long reencrypt(String name, Collection<String> keyIds) {
        try (SecretValue current = get(name)) {
            return put(name, current.value(), current.version(), keyIds);
        }
    }

    /** The current version, decrypted with the first unlocked key that encrypts it. */
    public SecretValue get(String name) {
        return decrypt(session.call("GET", path(name), null, JsonNode.class));
    }

    public SecretValue get(String name, long version) {
        return decrypt(session.call("GET", path(name) + "?version=" + version, null, JsonNode.class));
    }

    /** The current version of {@code name}, 0 when it was never written. */
    public long currentVersion(String name) {
        try {
            List<SecretInfo> history = history(name);
            return history.getLast().version();
        } catch (KeywardApiException e) {
            if ("secret_not_found".equals(e.code())) {
                return 0;
            }
            throw e;
        }
    }

    public SecretPage list(String afterOrNull, int limit) {
        String query = "?limit=" + limit + (afterOrNull == null ? "" : "&after=" + afterOrNull);
        JsonNode answer = session.call("GET", "/v1/secrets" + query, null, JsonNode.class);
        List<SecretInfo> items = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            items.add(new SecretInfo(item.path("name").asText(), item.path("version").asLong(), strings(item.path("key_ids")),
                    false, Instant.parse(item.path("updated_at").asText())));
        }
        JsonNode next = answer.path("next_after");
        return new SecretPage(items, next.isTextual() ? next.asText() : null);
    }

    /** Every current item, all pages. */
    public List<SecretInfo> listAll() {
        List<SecretInfo> all = new ArrayList<>();
        String after = null;
        do {
            SecretPage page = list(after, 500);
            all.addAll(page.items());
            after = page.nextAfter();
        } while (after != null);
        return all;
    }

    public List<SecretInfo> history(String name) {
        JsonNode answer = session.call("GET", path(name) + "/history", null, JsonNode.class);
        List<SecretInfo> versions = new ArrayList<>();
        for (JsonNode v : answer.path("versions")) {
            versions.add(new SecretInfo(name, v.path("version").asLong(), strings(v.path("key_ids")), v.path("deleted").asBoolean(),
                    Instant.parse(v.path("created_at").asText())));
        }
        return versions;
    }

    /** Deletes {@code name} if {@code replaces} is its current version; returns the tombstone's version. */
    public long delete(String name, long replaces) {
        return session.call("DELETE", path(name), Map.of("replaces", replaces), JsonNode.class)
                .path("version").asLong();
    }

    /**
     * Everything needed to open the items offline with a recovery key: every current item, still encrypted, and
     * every key description ({@code keyward-secret-export-v1}, docs/secrets.md).
     */
    public Map<String, Object> export() {
        Map<String, Object> keys = new LinkedHashMap<>();
        JsonNode keyList = session.call("GET", "/v1/secret-keys", null, JsonNode.class);
        for (JsonNode key : keyList.path("keys")) {
            keys.put(key.path("key_id").asText(), key.path("description"));
        }
        Map<String, Object> items = new LinkedHashMap<>();
        for (SecretInfo info : listAll()) {
            JsonNode item = session.call("GET", "/v1/secrets/" + info.name(), null, JsonNode.class);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", item.path("version").asLong());
            entry.put("item", item.path("item"));
            items.put(info.name(), entry);
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", "keyward-secret-export-v1");
        export.put("org", session.org());
        export.put("user_id", session.userId());
        export.put("exported_at", Instant.now().toString());
        export.put("default_key", keyList.path("default_key").isTextual() ? keyList.path("default_key").asText() : null);
        export.put("keys", keys);
        export.put("items", items);
        return export;
    }

    /**
     * Opens one Matrix item ({@code {"encrypted": {...}}}) named {@code name} with whichever of {@code keys}
     * encrypts it: the shared path of online reads and offline exports.
     */
    public static byte[] decryptItem(String name, JsonNode item, Map<String, SecretStorageKey> keys) {
        JsonNode encrypted = item.path("encrypted");
        for (Map.Entry<String, SecretStorageKey> key : keys.entrySet()) {
            JsonNode entry = encrypted.get(key.getKey());
            if (entry == null) {
                continue;
            }
            try {
                SsssItem ssss = SsssItem.fromBase64(entry.path("iv").asText(), entry.path("ciphertext").asText(),
                        entry.path("mac").asText());
                return AesHmacSha2.decrypt(key.getValue(), name, ssss);
            } catch (CryptoException e) {
                throw new SecretStorageException(SecretStorageException.DECRYPT_FAILED,
                        name + " does not decrypt under key " + key.getKey() + ": " + e.getMessage());
            }
        }
        throw new SecretStorageException(SecretStorageException.KEY_LOCKED,
                name + " is not encrypted under any unlocked key");
    }

    // ---- internals ----

    /** URI-unreserved characters only reach the server; it enforces its own, narrower name rules. */
    private static final java.util.regex.Pattern URI_SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9._~-]{1,1024}");

    private static String path(String name) {
        if (name == null || !URI_SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret name is made of [A-Za-z0-9._-]");
        }
        return "/v1/secrets/" + name;
    }

    private SecretValue decrypt(JsonNode answer) {
        String name = answer.path("name").asText();
        byte[] value = decryptItem(name, answer.path("item"), unlocked);
        return new SecretValue(name, answer.path("version").asLong(), strings(answer.path("key_ids")), value);
    }

    private SecretStorageKey key(String keyId) {
        SecretStorageKey key = keyId == null ? null : unlocked.get(keyId);
        if (key == null) {
            throw new SecretStorageException(SecretStorageException.KEY_LOCKED, "key " + keyId + " is not unlocked here");
        }
        return key;
    }

    private KeyDescription describedOrNull(String keyId) {
        try {
            return description(session.call("GET", "/v1/secret-keys/" + keyId, null, JsonNode.class).path("description"));
        } catch (KeywardApiException e) {
            if ("secret_key_not_found".equals(e.code())) {
                return null;
            }
            throw e;
        }
    }

    private String serverDefaultKeyId() {
        JsonNode answer = session.call("GET", "/v1/secret-keys", null, JsonNode.class);
        return answer.path("default_key").isTextual() ? answer.path("default_key").asText() : null;
    }

    private void publish(String keyId, KeyDescription description, boolean makeDefault) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("algorithm", description.algorithm());
        if (description.name() != null) {
            d.put("name", description.name());
        }
        KeyCheck check = description.check();
        d.put("iv", check.ivBase64());
        d.put("mac", check.macBase64());
        PassphraseInfo p = description.passphrase();
        if (p != null) {
            d.put("passphrase", Map.of("algorithm", p.algorithm(), "salt", p.salt(), "iterations", p.iterations(),
                    "bits", p.bits()));
        }
        session.call("PUT", "/v1/secret-keys/" + keyId, Map.of("description", d, "default", makeDefault), JsonNode.class);
    }

    /** Reads a Matrix key description as the server stores it. */
    public static KeyDescription description(JsonNode d) {
        KeyCheck check = KeyCheck.fromBase64(d.path("iv").asText(), d.path("mac").asText());
        JsonNode p = d.get("passphrase");
        PassphraseInfo passphrase = p == null || p.isNull() ? null
                : new PassphraseInfo(p.path("algorithm").asText(), p.path("salt").asText(), p.path("iterations").asInt(),
                        p.path("bits").asInt(256));
        return new KeyDescription(d.path("algorithm").asText(), d.hasNonNull("name") ? d.get("name").asText() : null,
                check.iv(), check.mac(), passphrase);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }

    private static SecretStorageKey copyOf(SecretStorageKey key) {
        byte[] bytes = key.bytes();
        try {
            return SecretStorageKey.of(bytes);
        } finally {
            Bytes.zeroize(bytes);
        }
    }

    /**
     * 16 random bytes in base64url, redrawn while the id would start with {@code -} or {@code _}: an id
     * starting with {@code -} reads as an option on any command line ({@code keyward secret-key rm ID}).
     */
    static String newKeyId() {
        byte[] id = new byte[16];
        while (true) {
            RANDOM.nextBytes(id);
            String encoded = Base64Url.encode(id);
            if (Character.isLetterOrDigit(encoded.charAt(0))) {
                return encoded;
            }
        }
    }

    @Override
    public void close() {
        for (SecretStorageKey key : unlocked.values()) {
            key.close();
        }
        unlocked.clear();
    }

    @Override
    public String toString() {
        return "SecretStorage[" + session + ", " + unlocked.size() + " keys unlocked]";
    }
}
