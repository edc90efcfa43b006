package io.keyward.server.keystore;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.keys.DataKey;
import io.keyward.crypto.keys.KeyType;
import io.keyward.crypto.keys.PublicWorkingKey;
import io.keyward.crypto.keys.SignatureOptions;
import io.keyward.crypto.keys.VersionedValue;
import io.keyward.crypto.keys.WorkingKey;
import io.keyward.crypto.keys.jwk.Jwk;
import io.keyward.crypto.keys.jwk.Jwks;
import io.keyward.crypto.sig.EcdsaEncoding;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.keystore.CreateKeyRequest;
import io.keyward.protocol.keystore.ImportKeyRequest;
import io.keyward.protocol.keystore.KeyInfo;
import io.keyward.protocol.keystore.KeyList;
import io.keyward.protocol.keystore.KeyVersionInfo;
import io.keyward.protocol.keystore.OperationRequest;
import io.keyward.protocol.keystore.OperationResponse;
import io.keyward.server.http.ApiException;
import io.keyward.server.keystore.KeystoreTables.KeyRow;
import io.keyward.server.keystore.KeystoreTables.KeystoreRow;
import io.keyward.server.keystore.KeystoreTables.VersionRow;
import io.keyward.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Working keys: create, import, list, get, delete, and the operations of {@code .../keys/{key}/{operation}}.
 * Key state is read in a transaction; the crypto runs after it, on the cached working key of the version.
 */
public final class KeyService {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_BATCH = 1000;

    private final Database db;
    private final KeystoreService keystores;
    private final KeystoreLocks locks;
    private final Clock clock;

    KeyService(Database db, KeystoreService keystores, KeystoreLocks locks, Clock clock) {
        this.db = db;
        this.keystores = keystores;
        this.locks = locks;
        this.clock = clock;
    }

    /** What a key operation touched, for the audit target {@code key:<ks>/<key>@v<n>}. */
    public record Touched(int version) {}

    public KeyInfo create(Caller caller, String keystoreId, CreateKeyRequest request, KeystoreAudit audit) {
        if (request == null || request.type() == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "type is required");
        }
        KeyType type = type(request.type());
        return store(caller, keystoreId, request.keyId(), generate(type), audit);
    }

    public KeyInfo importKey(Caller caller, String keystoreId, ImportKeyRequest request, KeystoreAudit audit) {
        if (request == null || request.type() == null || request.format() == null || request.key() == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "type, format and key are required");
        }
        KeyType type = type(request.type());
        WorkingKey key;
        try {
            key = switch (request.format()) {
                case "pkcs8" -> WorkingKey.importPkcs8(type, Base64Url.decode(request.key(), "key"));
                case "pkcs8-pem" -> WorkingKey.importPkcs8Pem(type, request.key());
                case "jwk" -> Jwk.importPrivate(type, request.key());
                case "raw" -> WorkingKey.importRaw(type, Base64Url.decode(request.key(), "key"));
                default -> throw new ApiException(400, ErrorCodes.INVALID_FIELD, "format must be pkcs8, pkcs8-pem, jwk or raw");
            };
        } catch (CryptoException e) {
            throw CryptoErrors.of(e, KeyAction.READ);
        }
        return store(caller, keystoreId, request.keyId(), key, audit);
    }

    private KeyInfo store(Caller caller, String keystoreId, String requestedId, WorkingKey key, KeystoreAudit audit) {
        String keyId = requestedId == null ? "key-" + io.keyward.server.session.RandomIds.next().substring(0, 12) : requestedId;
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "a key id is 1-64 characters from A-Z a-z 0-9 . _ -");
        }
        try {
            long now = clock.millis();
            return db.inTransaction(c -> {
                KeystoreRow keystore = keystores.controlled(c, caller, keystoreId);
                if (KeystoreTables.key(c, keystoreId, keyId).isPresent()) {
                    throw new ApiException(409, ErrorCodes.KEY_EXISTS, "the keystore already has a key '" + keyId + "'");
                }
                KeyRow row = new KeyRow(keystoreId, keyId, key.type().id(), true, 1, 1, now);
                KeystoreTables.insertKey(c, row);
                KeystoreTables.insertVersion(c, keystoreId, keyId, version(keystore, keyId, 1, key, now));
                audit.committed(c, "key:" + keystoreId + "/" + keyId + "@v1");
                return info(c, row);
            });
        } finally {
            key.destroy();
        }
    }

    public KeyList list(Caller caller, String keystoreId) {
        return db.inTransaction(c -> {
            KeystoreRow keystore = keystores.authorize(c, caller, keystoreId, null, KeyAction.READ);
            List<KeyInfo> out = new ArrayList<>();
            for (KeyRow row : KeystoreTables.keys(c, keystoreId)) {
                if (keystores.sees(c, caller, keystore, row.keyId())) {
                    out.add(info(c, row));
                }
            }
            return new KeyList(out);
        });
    }

    public KeyInfo get(Caller caller, String keystoreId, String keyId) {
        return db.inTransaction(c -> {
            keystores.authorize(c, caller, keystoreId, keyId, KeyAction.READ);
            return info(c, key(c, keystoreId, keyId));
        });
    }

    public void delete(Caller caller, String keystoreId, String keyId, KeystoreAudit audit) {
        db.inTransaction(c -> {
            keystores.controlled(c, caller, keystoreId);
            key(c, keystoreId, keyId);
            KeystoreTables.deleteKey(c, keystoreId, keyId);
            audit.committed(c, "key:" + keystoreId + "/" + keyId);
            return null;
        });
        locks.forget(keystoreId, keyId);
    }

    /** The JWKS of a keystore: the public key of every live version of its enabled asymmetric keys. */
    public Map<String, Object> jwks(Caller caller, String keystoreId) {
        return db.inTransaction(c -> {
            KeystoreRow keystore = keystores.authorize(c, caller, keystoreId, null, KeyAction.READ);
            Jwks jwks = Jwks.builder();
            for (KeyRow row : KeystoreTables.keys(c, keystoreId)) {
                KeyType type = KeyType.fromId(row.type());
                if (!row.enabled() || type.isSymmetric() || type == KeyType.ML_KEM_768
                        || !keystores.sees(c, caller, keystore, row.keyId())) {
                    continue;
                }
                for (VersionRow v : KeystoreTables.versions(c, keystoreId, row.keyId())) {
                    if (v.version() >= row.minDecryptionVersion()) {
                        jwks.add(PublicWorkingKey.fromRaw(type, v.publicKey()), row.keyId() + ".v" + v.version());
                    }
                }
            }
            return jwks.toMap();
        });
    }

    /** Runs one operation; {@code touched} learns the version used (for the audit target) before the crypto runs. */
    public OperationResponse operate(Caller caller, String keystoreId, String keyId, String operation,
            OperationRequest request, Consumer<Touched> touched, KeystoreAudit audit) {
        KeyAction action = KeyAction.fromWire(operation);
        OperationRequest body = request == null ? OperationRequest.empty() : request;
        if (action.management()) {
            return manage(caller, keystoreId, keyId, action, body, touched, audit);
        }
        State state = db.inTransaction(c -> {
            KeystoreRow keystore = keystores.authorize(c, caller, keystoreId, keyId, action);
            KeyRow key = key(c, keystoreId, keyId);
            return new State(keystore, key, KeyType.fromId(key.type()));
        });
        if (!state.key().enabled()) {
            throw new ApiException(409, ErrorCodes.KEY_DISABLED, "the key is disabled; enable it first");
        }
        if (action.operation() != null && !state.type().permits(action.operation())) {
            throw new ApiException(400, ErrorCodes.OPERATION_NOT_SUPPORTED,
                    "a " + state.type().id() + " key cannot " + action.operation().wireName());
        }
        try {
            return switch (action) {
                case BATCH_ENCRYPT, BATCH_DECRYPT, BATCH_SIGN -> {
                    if (body.items() == null || body.items().isEmpty() || body.items().size() > MAX_BATCH) {
                        throw new ApiException(400, ErrorCodes.INVALID_FIELD, "items must hold 1 to " + MAX_BATCH + " requests");
                    }
                    KeyAction single = action.granted();
                    List<OperationResponse> out = new ArrayList<>();
                    for (OperationRequest item : body.items()) {
                        out.add(single(state, single, item == null ? OperationRequest.empty() : item, touched));
                    }
                    yield new OperationResponse(null, null, null, null, null, null, null, null, null, null, null, out);
                }
                default -> single(state, action, body, touched);
            };
        } catch (CryptoException e) {
            throw CryptoErrors.of(e, action);
        }
    }

    private record State(KeystoreRow keystore, KeyRow key, KeyType type) {}

    private OperationResponse single(State s, KeyAction action, OperationRequest r, Consumer<Touched> touched) {
        switch (action) {
            case SIGN -> {
                WorkingKey key = latest(s, touched);
                byte[] signature = key.sign(bytes(r.message(), "message"), signatureOptions(r));
                return response(s.key().latestVersion(), b -> b.signature = versioned(s.key().latestVersion(), signature));
            }
            case VERIFY -> {
                VersionedValue signature = versioned(r.signature(), "signature");
                WorkingKey key = forUse(s, signature.version(), touched);
                key.verify(signature.bytes(), bytes(r.message(), "message"), signatureOptions(r));
                return response(signature.version(), b -> b.valid = true);
            }
            case ENCRYPT -> {
                WorkingKey key = latest(s, touched);
                byte[] plaintext = bytes(r.plaintext(), "plaintext");
                try {
                    byte[] ciphertext = key.encrypt(plaintext, optional(r.associatedData(), "associated_data"));
                    return response(s.key().latestVersion(), b -> b.ciphertext = versioned(s.key().latestVersion(), ciphertext));
                } finally {
                    Bytes.zeroize(plaintext);
                }
            }
            case DECRYPT -> {
                VersionedValue ciphertext = versioned(r.ciphertext(), "ciphertext");
                WorkingKey key = forUse(s, ciphertext.version(), touched);
                byte[] plaintext = key.decrypt(ciphertext.bytes(), optional(r.associatedData(), "associated_data"));
                try {
                    return response(ciphertext.version(), b -> b.plaintext = Base64Url.encode(plaintext));
                } finally {
                    Bytes.zeroize(plaintext);
                }
            }
            case MAC -> {
                WorkingKey key = latest(s, touched);
                byte[] mac = key.mac(bytes(r.message(), "message"));
                return response(s.key().latestVersion(), b -> b.mac = versioned(s.key().latestVersion(), mac));
            }
            case VERIFY_MAC -> {
                VersionedValue mac = versioned(r.mac(), "mac");
                WorkingKey key = forUse(s, mac.version(), touched);
                key.verifyMac(bytes(r.message(), "message"), mac.bytes());
                return response(mac.version(), b -> b.valid = true);
            }
            case WRAP -> {
                WorkingKey key = latest(s, touched);
                byte[] contentKey = bytes(r.key(), "key");
                byte[] ad = optional(r.associatedData(), "associated_data");
                try {
                    byte[] wrapped;
                    if (r.recipientPublicKey() != null) {
                        PublicWorkingKey recipient = PublicWorkingKey.fromRaw(s.type(), bytes(r.recipientPublicKey(),
                                "recipient_public_key"));
                        wrapped = Boolean.TRUE.equals(r.authenticated()) ? key.wrapAuthenticated(recipient, contentKey, ad)
                                : recipient.wrap(contentKey, ad);
                    } else if (Boolean.TRUE.equals(r.authenticated())) {
                        throw new ApiException(400, ErrorCodes.INVALID_FIELD, "an authenticated wrap needs recipient_public_key");
                    } else {
                        wrapped = key.wrap(contentKey, ad);
                    }
                    return response(s.key().latestVersion(), b -> b.wrapped = versioned(s.key().latestVersion(), wrapped));
                } finally {
                    Bytes.zeroize(contentKey);
                }
            }
            case UNWRAP -> {
                VersionedValue wrapped = versioned(r.wrapped(), "wrapped");
                WorkingKey key = forUse(s, wrapped.version(), touched);
                byte[] ad = optional(r.associatedData(), "associated_data");
                byte[] contentKey = r.senderPublicKey() == null ? key.unwrap(wrapped.bytes(), ad)
                        : key.unwrapAuthenticated(wrapped.bytes(), ad,
                                PublicWorkingKey.fromRaw(s.type(), bytes(r.senderPublicKey(), "sender_public_key")));
                try {
                    return response(wrapped.version(), b -> b.key = Base64Url.encode(contentKey));
                } finally {
                    Bytes.zeroize(contentKey);
                }
            }
            case GENERATE_DATA_KEY -> {
                WorkingKey key = latest(s, touched);
                DataKey dataKey = key.generateDataKey(!Boolean.FALSE.equals(r.includePlaintext()),
                        optional(r.associatedData(), "associated_data"));
                try {
                    int v = s.key().latestVersion();
                    return response(v, b -> {
                        b.wrapped = versioned(v, dataKey.wrapped());
                        if (dataKey.hasPlaintext()) {
                            byte[] plain = dataKey.plaintext();
                            b.plaintext = Base64Url.encode(plain);
                            Bytes.zeroize(plain);
                        }
                    });
                } finally {
                    dataKey.destroy();
                }
            }
            case ENCAPSULATE -> {
                WorkingKey key = latest(s, touched);
                var encapsulation = key.encapsulate();
                byte[] secret = encapsulation.sharedSecret();
                try {
                    int v = s.key().latestVersion();
                    return response(v, b -> {
                        b.ciphertext = versioned(v, encapsulation.ciphertext());
                        b.key = Base64Url.encode(secret);
                    });
                } finally {
                    Bytes.zeroize(secret);
                }
            }
            case DECAPSULATE -> {
                VersionedValue ciphertext = versioned(r.ciphertext(), "ciphertext");
                WorkingKey key = forUse(s, ciphertext.version(), touched);
                byte[] secret = key.decapsulate(ciphertext.bytes());
                try {
                    return response(ciphertext.version(), b -> b.key = Base64Url.encode(secret));
                } finally {
                    Bytes.zeroize(secret);
                }
            }
            case EXPORT -> {
                if (s.type().isSymmetric()) {
                    throw new ApiException(400, ErrorCodes.OPERATION_NOT_SUPPORTED,
                            "a " + s.type().id() + " key has no public key to export");
                }
                int v = r.version() == null ? s.key().latestVersion() : r.version();
                checkVersion(s, v);
                touched.accept(new Touched(v));
                VersionRow row = db.inTransaction(c -> KeystoreTables.version(c, s.keystore().keystoreId(), s.key().keyId(), v))
                        .orElseThrow(() -> unknownVersion(v));
                PublicWorkingKey publicKey = PublicWorkingKey.fromRaw(s.type(), row.publicKey());
                String format = r.format() == null ? "raw" : r.format();
                return switch (format) {
                    case "raw" -> response(v, b -> b.publicKey = Base64Url.encode(publicKey.raw()));
                    case "spki-pem" -> response(v, b -> b.publicKey = publicKey.spkiPem());
                    case "jwk" -> response(v, b -> b.jwk = Jwk.publicJwk(publicKey, s.key().keyId() + ".v" + v));
                    default -> throw new ApiException(400, ErrorCodes.INVALID_FIELD, "format must be raw, spki-pem or jwk");
                };
            }
            default -> throw new IllegalStateException("not a single operation: " + action);
        }
    }

    private OperationResponse manage(Caller caller, String keystoreId, String keyId, KeyAction action, OperationRequest r,
            Consumer<Touched> touched, KeystoreAudit audit) {
        // Generated outside the transaction: RSA generation can take a second.
        WorkingKey fresh = action == KeyAction.ROTATE ? generate(typeOf(caller, keystoreId, keyId)) : null;
        try {
            long now = clock.millis();
            return db.inTransaction(c -> {
                KeystoreRow keystore = keystores.authorize(c, caller, keystoreId, keyId, action);
                KeyRow key = key(c, keystoreId, keyId);
                KeyRow next = switch (action) {
                    case ROTATE -> {
                        if (!fresh.type().id().equals(key.type())) {
                            throw new ApiException(409, ErrorCodes.KEY_CHANGED, "the key changed while rotating; retry");
                        }
                        int v = key.latestVersion() + 1;
                        KeystoreTables.insertVersion(c, keystoreId, keyId, version(keystore, keyId, v, fresh, now));
                        yield new KeyRow(keystoreId, keyId, key.type(), key.enabled(), v, key.minDecryptionVersion(), key.createdMs());
                    }
                    case ENABLE -> new KeyRow(keystoreId, keyId, key.type(), true, key.latestVersion(),
                            key.minDecryptionVersion(), key.createdMs());
                    case DISABLE -> new KeyRow(keystoreId, keyId, key.type(), false, key.latestVersion(),
                            key.minDecryptionVersion(), key.createdMs());
                    case MIN_DECRYPTION_VERSION -> {
                        Integer v = r.version();
                        if (v == null || v < 1 || v > key.latestVersion()) {
                            throw new ApiException(400, ErrorCodes.INVALID_FIELD,
                                    "version must be from 1 to the latest version " + key.latestVersion());
                        }
                        yield new KeyRow(keystoreId, keyId, key.type(), key.enabled(), key.latestVersion(), v, key.createdMs());
                    }
                    default -> throw new IllegalStateException("not a management action: " + action);
                };
                if (!KeystoreTables.updateKey(c, next, key.latestVersion())) {
                    throw new ApiException(409, ErrorCodes.KEY_CHANGED, "the key changed meanwhile (a concurrent rotation); retry");
                }
                touched.accept(new Touched(next.latestVersion()));
                KeyInfo info = info(c, next);
                audit.committed(c, "key:" + keystoreId + "/" + keyId + "@v" + next.latestVersion());
                return new OperationResponse(next.latestVersion(), null, null, null, null, null, null, null, null, null, info,
                        null);
            });
        } finally {
            if (fresh != null) {
                fresh.destroy();
            }
        }
    }

    private KeyType typeOf(Caller caller, String keystoreId, String keyId) {
        return db.inTransaction(c -> {
            keystores.authorize(c, caller, keystoreId, keyId, KeyAction.ROTATE);
            return KeyType.fromId(key(c, keystoreId, keyId).type());
        });
    }

    private WorkingKey latest(State s, Consumer<Touched> touched) {
        return forUse(s, s.key().latestVersion(), touched);
    }

    private WorkingKey forUse(State s, int version, Consumer<Touched> touched) {
        checkVersion(s, version);
        touched.accept(new Touched(version));
        VersionRow row = db.inTransaction(c -> KeystoreTables.version(c, s.keystore().keystoreId(), s.key().keyId(), version))
                .orElseThrow(() -> unknownVersion(version));
        return locks.open(s.keystore(), s.key().keyId(), version, s.type(), row.sealedKey());
    }

    private static void checkVersion(State s, int version) {
        if (version > s.key().latestVersion()) {
            throw unknownVersion(version);
        }
        if (version < s.key().minDecryptionVersion()) {
            throw new ApiException(400, ErrorCodes.KEY_VERSION_RETIRED, "version " + version
                    + " is retired (the minimum decryption version is " + s.key().minDecryptionVersion() + ")");
        }
    }

    private static ApiException unknownVersion(int version) {
        return new ApiException(400, ErrorCodes.KEY_VERSION_UNKNOWN, "the key has no version " + version);
    }

    private VersionRow version(KeystoreRow keystore, String keyId, int version, WorkingKey key, long now) {
        byte[] publicKey = key.type().isSymmetric() ? null : key.publicKey().raw();
        return new VersionRow(version, locks.seal(keystore, keyId, version, key), publicKey, now);
    }

    private static KeyRow key(Connection c, String keystoreId, String keyId) throws SQLException {
        return KeystoreTables.key(c, keystoreId, keyId)
                .orElseThrow(() -> new ApiException(404, ErrorCodes.KEY_NOT_FOUND, "no such key in this keystore"));
    }

    private static KeyInfo info(Connection c, KeyRow row) throws SQLException {
        List<KeyVersionInfo> versions = new ArrayList<>();
        for (VersionRow v : KeystoreTables.versions(c, row.keystoreId(), row.keyId())) {
            versions.add(new KeyVersionInfo(v.version(), v.publicKey() == null ? null : Base64Url.encode(v.publicKey()),
                    Instant.ofEpochMilli(v.createdMs())));
        }
        return new KeyInfo(row.keystoreId(), row.keyId(), row.type(), row.enabled(), row.latestVersion(),
                row.minDecryptionVersion(), versions, Instant.ofEpochMilli(row.createdMs()));
    }

    private static KeyType type(String id) {
        try {
            return KeyType.fromId(id);
        } catch (CryptoException e) {
            throw new ApiException(400, ErrorCodes.KEY_TYPE_UNKNOWN, "unknown key type (see KeyType ids, e.g. ecdsa-p256)");
        }
    }

    private static WorkingKey generate(KeyType type) {
        return WorkingKey.generate(type);
    }

    private static SignatureOptions signatureOptions(OperationRequest r) {
        SignatureOptions options = SignatureOptions.DEFAULT;
        if (r.ecdsaEncoding() != null) {
            options = options.withEcdsaEncoding(switch (r.ecdsaEncoding()) {
                case "der" -> EcdsaEncoding.DER;
                case "p1363" -> EcdsaEncoding.IEEE_P1363;
                default -> throw new ApiException(400, ErrorCodes.INVALID_FIELD, "ecdsa_encoding must be der or p1363");
            });
        }
        if (r.rsaPadding() != null) {
            options = options.withRsaPadding(switch (r.rsaPadding()) {
                case "pss" -> SignatureOptions.RsaPadding.PSS_SHA256;
                case "pkcs1" -> SignatureOptions.RsaPadding.PKCS1_V15_SHA256;
                default -> throw new ApiException(400, ErrorCodes.INVALID_FIELD, "rsa_padding must be pss or pkcs1");
            });
        }
        return options;
    }

    private static String versioned(int version, byte[] bytes) {
        return new VersionedValue(version, bytes).format();
    }

    private static VersionedValue versioned(String text, String field) {
        if (text == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, field + " is required");
        }
        try {
            return VersionedValue.parse(text);
        } catch (CryptoException e) {
            throw new ApiException(400, ErrorCodes.VERSIONED_VALUE_INVALID, field + ": " + e.getMessage());
        }
    }

    private static byte[] bytes(String text, String field) {
        if (text == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, field + " is required");
        }
        return optional(text, field);
    }

    private static byte[] optional(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Base64Url.decode(text, field);
        } catch (CryptoException e) {
            throw new ApiException(400, ErrorCodes.INVALID_BASE64, field + " is not unpadded base64url");
        }
    }

    /** A builder for the many optional fields of {@link OperationResponse}. */
    private static final class Fields {
        String signature;
        String mac;
        String ciphertext;
        String plaintext;
        String wrapped;
        String key;
        Boolean valid;
        String publicKey;
        Map<String, Object> jwk;
    }

    private static OperationResponse response(int version, Consumer<Fields> fill) {
        Fields b = new Fields();
        fill.accept(b);
        return new OperationResponse(version, b.signature, b.mac, b.ciphertext, b.plaintext, b.wrapped, b.key, b.valid,
                b.publicKey, b.jwk, null, null);
    }
}
