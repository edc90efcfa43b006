package io.keyward.server.lock;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.envelope.EnvelopeKeyMismatchException;
import io.keyward.crypto.envelope.KeyRef;
import io.keyward.crypto.envelope.MalformedEnvelopeException;
import io.keyward.crypto.util.Bytes;
import io.keyward.server.config.RootLockConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * The root lock held by a symmetric AWS KMS key, through the AWS SDK for Java v2 (credentials from the
 * SDK's default chain: environment, system properties, profile, container or instance role).
 *
 * <p>KMS never sees Keyward's keys. It encrypts <em>data keys</em>: the lock asks KMS for a fresh
 * AES-256 data key ({@code GenerateDataKey}), wraps values with it locally in the {@link Envelope}
 * format, and stores KMS's ciphertext of the data key in front of every wrapped value. Unwrapping asks
 * KMS to {@code Decrypt} that ciphertext, once per data key per {@code cache_ttl}: data keys live in
 * a bounded in-memory cache ({@link DataKeyCache}), so KMS is not called per operation. The data key
 * used for wrapping is replaced when it leaves the cache, so one stays in use at most a time-to-live.
 * The exact format is in {@code docs/formats.md} ("AWS KMS wrapped value").
 *
 * <p>Every KMS call carries the encryption context {@code {"keyward:purpose": "root lock data key",
 * "keyward:format": "1"}}, so CloudTrail shows what each call is for and a key policy can require it.
 * The per-value associated data is bound by AES-GCM inside the envelope, not by the context, so that
 * one {@code Decrypt} serves every value under a data key.
 *
 * <p>Failures: a KMS that cannot be reached, refuses access, or has the key disabled or missing throws
 * {@link RootLockUnavailableException}; a ciphertext KMS will not decrypt under this key
 * ({@code InvalidCiphertextException}) or a value that fails to authenticate throws a plain
 * {@link RootLockException}. Messages are one line with the KMS error code, never a key, credential
 * or the SDK's multi-line text.
 */
public final class AwsKmsRootLock implements RootLock {
    /** First byte of a KMS-wrapped value: 'K', distinct from an envelope's format version 0x01. */
    static final int FORMAT = 0x4B;
    static final int MAX_BLOB_LENGTH = 6144;
    static final Map<String, String> DATA_KEY_CONTEXT =
            Map.of("keyward:purpose", "root lock data key", "keyward:format", "1");
    static final Map<String, String> READY_CHECK_CONTEXT = Map.of("keyward:purpose", "ready check");
    private static final int CACHE_CAPACITY = 1024;
    /** Far below the 2^32 random-nonce bound of one AES-GCM key; the time-to-live usually comes first. */
    private static final long MAX_WRAPS_PER_DATA_KEY = 1L << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final KmsClient kms;
    private final RootLockConfig.AwsKms config;
    private final String lockId;
    private final DataKeyCache cache;
    private final LongSupplier nanoClock;
    private WrappingKey wrappingKey;
    /** The ready probe has its own monitor, so a slow KMS answer to it never holds up a wrap. */
    private final Object readyLock = new Object();
    private long lastReadyCheck;
    private Optional<String> lastReadyResult;
    private volatile boolean closed;

    /** The data key in use for wrapping: its KMS ciphertext and cache id, never its value. */
    private record WrappingKey(byte[] blob, String cacheId, long[] wraps) {}

    AwsKmsRootLock(KmsClient kms, RootLockConfig.AwsKms config, LongSupplier nanoClock) {
        this.kms = kms;
        this.config = config;
        this.lockId = "aws-kms:" + config.keyId();
        this.nanoClock = nanoClock;
        this.cache = new DataKeyCache(config.cacheTtl(), CACHE_CAPACITY, nanoClock);
    }

    /**
     * A lock over the configured key, with credentials from the SDK's default chain. Makes no KMS call:
     * the first wrap or unwrap does (the node's root key check at start).
     */
    public static AwsKmsRootLock open(RootLockConfig.AwsKms config) {
        return open(config, DefaultCredentialsProvider.builder().build());
    }

    /** As {@link #open(RootLockConfig.AwsKms)}, with the given credentials. */
    public static AwsKmsRootLock open(RootLockConfig.AwsKms config, AwsCredentialsProvider credentials) {
        return new AwsKmsRootLock(client(config, credentials), config, System::nanoTime);
    }

    static KmsClient client(RootLockConfig.AwsKms config, AwsCredentialsProvider credentials) {
        KmsClientBuilder builder = KmsClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(SOCKET_TIMEOUT));
        config.endpoint().ifPresent(builder::endpointOverride);
        try {
            return builder.build();
        } catch (SdkException | IllegalArgumentException e) {
            throw new RootLockException("cannot set up the AWS KMS client for region " + config.region() + ": "
                    + firstLine(e.getMessage()));
        }
    }

    @Override
    public String keyId() {
        return lockId;
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) {
        requireAssociatedData(associatedData);
        byte[] dataKey = null;
        try {
            WrappingKey key;
            synchronized (this) {
                requireOpen();
                key = wrappingKey;
                Optional<byte[]> cached = key == null || key.wraps()[0] >= MAX_WRAPS_PER_DATA_KEY
                        ? Optional.empty() : cache.get(key.cacheId());
                if (cached.isPresent()) {
                    dataKey = cached.get();
                } else {
                    GenerateDataKeyResponse response = call("GenerateDataKey", () -> kms.generateDataKey(r -> r
                            .keyId(config.keyId()).keySpec(DataKeySpec.AES_256).encryptionContext(DATA_KEY_CONTEXT)));
                    byte[] blob = response.ciphertextBlob().asByteArray();
                    dataKey = response.plaintext().asByteArray();
                    if (dataKey.length != 32 || blob.length < 1 || blob.length > MAX_BLOB_LENGTH) {
                        throw new RootLockUnavailableException("AWS KMS returned a malformed data key for " + lockId);
                    }
                    key = new WrappingKey(blob, cacheId(blob), new long[1]);
                    cache.put(key.cacheId(), dataKey);
                    wrappingKey = key;
                }
                key.wraps()[0]++;
            }
            byte[] header = header(key.blob());
            Envelope envelope = Envelope.seal(dataKey, envelopeKeyRef(key.cacheId()), plaintext,
                    Bytes.concat(header, associatedData));
            return Bytes.concat(header, envelope.toBytes());
        } catch (CryptoException e) {
            throw new RootLockException("root lock cannot wrap: " + e.getMessage());
        } finally {
            Bytes.zeroize(dataKey);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        requireAssociatedData(associatedData);
        if (wrapped == null || wrapped.length < 3 || (wrapped[0] & 0xff) != FORMAT) {
            throw new MalformedWrappedValueException("cannot unwrap: not an AWS KMS wrapped value");
        }
        int blobLength = ((wrapped[1] & 0xff) << 8) | (wrapped[2] & 0xff);
        if (blobLength < 1 || blobLength > MAX_BLOB_LENGTH || wrapped.length < 3 + blobLength) {
            throw new MalformedWrappedValueException("cannot unwrap: AWS KMS wrapped value is truncated or malformed");
        }
        byte[] header = Arrays.copyOfRange(wrapped, 0, 3 + blobLength);
        byte[] blob = Arrays.copyOfRange(wrapped, 3, 3 + blobLength);
        String cacheId = cacheId(blob);
        byte[] dataKey = null;
        try {
            Envelope envelope = Envelope.parse(Arrays.copyOfRange(wrapped, 3 + blobLength, wrapped.length));
            synchronized (this) {
                requireOpen();
            }
            Optional<byte[]> cached = cache.get(cacheId);
            if (cached.isPresent()) {
                dataKey = cached.get();
            } else {
                DecryptResponse response = call("Decrypt", () -> kms.decrypt(r -> r.keyId(config.keyId())
                        .ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(DATA_KEY_CONTEXT)));
                dataKey = response.plaintext().asByteArray();
                if (dataKey.length != 32) {
                    throw new RootLockException("cannot unwrap: AWS KMS returned a " + dataKey.length
                            + "-byte data key, not 32 bytes");
                }
                cache.put(cacheId, dataKey);
            }
            return envelope.open(dataKey, envelopeKeyRef(cacheId), Bytes.concat(header, associatedData));
        } catch (MalformedEnvelopeException e) {
            throw new MalformedWrappedValueException("cannot unwrap: " + e.getMessage());
        } catch (EnvelopeKeyMismatchException e) {
            throw new RootLockException("cannot unwrap: the envelope names data key " + e.found().keyId()
                    + ", not the one its KMS ciphertext carries");
        } catch (CryptoException e) {
            throw new RootLockException("cannot unwrap: wrapped value failed to authenticate under " + lockId);
        } finally {
            Bytes.zeroize(dataKey);
        }
    }

    /**
     * Asks KMS to encrypt a fixed label (no key material travels) at most once per
     * {@code ready_check_interval}: a cached data key would otherwise hide an outage from {@code /v1/ready}.
     */
    @Override
    public Optional<String> unavailableReason() {
        synchronized (readyLock) {
            if (closed) {
                return Optional.of("the root lock is closed");
            }
            long now = nanoClock.getAsLong();
            if (lastReadyResult != null && now - lastReadyCheck < config.readyCheckInterval().toNanos()) {
                return lastReadyResult;
            }
            Optional<String> result;
            try {
                call("Encrypt", () -> kms.encrypt(r -> r.keyId(config.keyId())
                        .plaintext(SdkBytes.fromString("keyward ready check", StandardCharsets.US_ASCII))
                        .encryptionContext(READY_CHECK_CONTEXT)));
                result = Optional.empty();
            } catch (RootLockException e) {
                result = Optional.of(e.getMessage());
            }
            lastReadyCheck = now;
            lastReadyResult = result;
            return result;
        }
    }

    /** Erases every cached data key and closes the SDK client; wrap and unwrap then fail. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        wrappingKey = null;
        cache.clear();
        kms.close();
    }

    /** For tests: how many data keys are in memory. */
    int cachedDataKeys() {
        return cache.size();
    }

    @Override
    public String toString() {
        return "AwsKmsRootLock[" + lockId + " in " + config.region()
                + config.endpoint().map(uri -> " via " + uri).orElse("") + (closed ? ", closed" : "") + "]";
    }

    private <T> T call(String operation, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (KmsException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            code = code == null || !code.matches("[A-Za-z0-9.]{1,100}") ? "HTTP " + e.statusCode() : code;
            String what = "AWS KMS " + operation + " on " + config.keyId() + " failed: ";
            throw switch (code) {
                // The key is there and answered: it just is not the key this value was made with.
                case "InvalidCiphertextException", "IncorrectKeyException" ->
                        new RootLockException(what + code + " (another key, or the value was changed)");
                case "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
                        "ExpiredTokenException", "IncompleteSignature", "MissingAuthenticationToken" ->
                        new RootLockUnavailableException(what + code + " (check the credentials and the key policy)");
                case "NotFoundException" ->
                        new RootLockUnavailableException(what + code + " (no such key in region " + config.region() + ")");
                case "DisabledException", "KMSInvalidStateException" ->
                        new RootLockUnavailableException(what + code + " (the key is disabled or pending deletion)");
                default -> new RootLockUnavailableException(what + code);
            };
        } catch (SdkClientException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("Unable to load credentials")) {
                throw new RootLockUnavailableException("AWS KMS " + operation + " on " + config.keyId()
                        + " failed: no AWS credentials found (environment, system properties, profile,"
                        + " container or instance role)");
            }
            throw new RootLockUnavailableException("AWS KMS is unreachable" + config.endpoint().map(uri -> " at " + uri)
                    .orElse(" in region " + config.region()) + " (" + operation + "): " + firstLine(message));
        } catch (SdkException e) {
            throw new RootLockUnavailableException("AWS KMS " + operation + " on " + config.keyId() + " failed: "
                    + firstLine(e.getMessage()));
        }
    }

    private static byte[] header(byte[] blob) {
        return Bytes.concat(new byte[] {(byte) FORMAT}, Bytes.i2osp(blob.length, 2), blob);
    }

    /** The data key's name in the cache: SHA-256 of its KMS ciphertext, in hex. */
    static String cacheId(byte[] blob) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The data key's name in envelopes: the first 8 bytes of that hash, 16 hex digits. */
    private static KeyRef envelopeKeyRef(String cacheId) {
        return new KeyRef("aws-kms-dk:" + cacheId.substring(0, 16), 1);
    }

    private void requireOpen() {
        if (closed) {
            throw new RootLockException("root lock " + lockId + " is closed");
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static void requireAssociatedData(byte[] associatedData) {
        if (associatedData == null || associatedData.length == 0) {
            throw new IllegalArgumentException("associated data must name what the wrapped value belongs to");
        }
    }
}
