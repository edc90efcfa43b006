package io.keyward.cli.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keyward.cli.CliException;
import io.keyward.cli.profile.ProfileStore;
import io.keyward.cli.profile.ServerAddress;
import io.keyward.crypto.kex.X25519;
import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PROVISIONAL: the first device the command line sends to complete an account, until issue 8 (devices)
 * defines the real device records. It is deliberately simple
 * and self-contained so that it can be replaced without a migration of anything the server interprets
 * (the server treats both as opaque):
 *
 * <ul>
 *   <li>key bundle: no longer here: it is the user's default secret-storage key, made by
 *       {@link io.keyward.client.secrets.SecretStorage#newKeyBundle} (docs/formats.md, "Key bundle, format 2");</li>
 *   <li>first device: a fresh X25519 and Ed25519 key pair; the public keys go to the server, the private keys
 *       to {@code devices/<id>.json} in the profile directory, mode 0600.</li>
 * </ul>
 */
final class ProvisionalAccountKeys {
    static final String DEVICES_DIR = "devices";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ProvisionalAccountKeys() {}

    /** A new first device; its private keys are written to the profile directory before anything is sent. */
    record NewDevice(CompleteAccountRequest request, Path keyFile) {}

    static NewDevice newDevice(ProfileStore store, ServerAddress server, String org, String userId, String deviceName,
                               byte[] keyBundle) {
        X25519.KeyPair exchange = X25519.generateKeyPair(RANDOM);
        Ed25519Signer signing = Ed25519Signer.generate(RANDOM);
        byte[] xPrivate = exchange.privateKey();
        byte[] edPrivate = signing.privateKey();
        String fileName = DEVICES_DIR + "/" + deviceFileId(server, org, userId) + ".json";
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", "keyward-provisional-device-v1");
        file.put("server", server.origin());
        file.put("org", org);
        file.put("user_id", userId);
        file.put("device_name", deviceName);
        file.put("created_at", Instant.now().toString());
        file.put("x25519_public_key", Base64Url.encode(exchange.publicKey()));
        file.put("x25519_private_key", Base64Url.encode(xPrivate));
        file.put("ed25519_public_key", Base64Url.encode(signing.publicKey()));
        file.put("ed25519_private_key", Base64Url.encode(edPrivate));
        byte[] json = null;
        try {
            json = JSON.writeValueAsBytes(file);
            store.writePrivate(fileName, json);
        } catch (IOException e) {
            throw new CliException("device_keys: cannot write the device keys to " + store.directory().resolve(fileName)
                    + ": " + e.getMessage());
        } finally {
            Bytes.zeroize(xPrivate, edPrivate);
            if (json != null) {
                Bytes.zeroize(json);
            }
        }
        DeviceKeys device = new DeviceKeys(deviceName, Base64Url.encode(exchange.publicKey()),
                Base64Url.encode(signing.publicKey()));
        String bundle = Base64Url.encode(keyBundle);
        return new NewDevice(new CompleteAccountRequest(bundle, device), store.directory().resolve(fileName));
    }

    /** Removes a device key file whose account completion failed. */
    static void discard(NewDevice device) {
        try {
            Files.deleteIfExists(device.keyFile());
        } catch (IOException e) {
            // nothing registered it; a stale file names its server, org and user
        }
    }

    /** A file name per server, org and user id (user ids are unique case-insensitively). */
    private static String deviceFileId(ServerAddress server, String org, String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((server.origin() + "\n" + org + "\n"
                    + userId.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
