package io.keyward.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AWS KMS stand-in on loopback HTTP that speaks the KMS JSON protocol as the AWS SDK sends it
 * ({@code POST /}, {@code X-Amz-Target: TrentService.<Operation>}, {@code application/x-amz-json-1.1},
 * base64 blobs) for {@code Encrypt}, {@code Decrypt} and {@code GenerateDataKey}, with real
 * AES-256-GCM inside and KMS's error shapes ({@code {"__type": "...", "message": "..."}}).
 *
 * <p>Its ciphertext blobs are {@code "FKMS" || key uuid (36 ASCII) || nonce (12) || ciphertext+tag},
 * with the encryption context (sorted {@code key=value} lines) as associated data, so a blob opens only
 * under its key and context, as with KMS. It does not check SigV4 signatures, only that requests are
 * signed. It counts calls per operation, and can be told to answer every call with an error.
 */
public final class FakeKms implements AutoCloseable {
    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT = "111122223333";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MAGIC = "FKMS".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String failWith;

    public FakeKms() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds a new AES-256 key and returns its key id (a UUID, as KMS's). */
    public String createKey() {
        String id = UUID.randomUUID().toString();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        keys.put(id, key);
        return id;
    }

    public static String arn(String keyId) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + keyId;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many times {@code operation} (e.g. {@code Decrypt}) was called, including failed calls. */
    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Every later call answers with this AWS error type (e.g. {@code AccessDeniedException}); null to stop. */
    public void failWith(String errorType) {
        this.failWith = errorType;
    }

    /** Stops listening: later calls find the port closed, as with an unreachable endpoint. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("TrentService.")
                    || contentType == null || !contentType.startsWith("application/x-amz-json-1.1")) {
                error(exchange, 400, "UnknownOperationException", "not a KMS JSON request");
                return;
            }
            String operation = target.substring("TrentService.".length());
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                error(exchange, 400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
                return;
            }
            String failure = failWith;
            if (failure != null) {
                error(exchange, failure.equals("KMSInternalException") ? 500 : 400, failure, "the test said so");
                return;
            }
            JsonNode request = JSON.readTree(body);
            switch (operation) {
                case "GenerateDataKey" -> generateDataKey(exchange, request);
                case "Encrypt" -> encrypt(exchange, request);
                case "Decrypt" -> decrypt(exchange, request);
                default -> error(exchange, 400, "UnknownOperationException", "no such operation");
            }
        }
    }

    private void generateDataKey(HttpExchange exchange, JsonNode request) throws IOException {
        String keyId = resolve(exchange, request.path("KeyId").asText(null));
        if (keyId == null) {
            return;
        }
        if (!"AES_256".equals(request.path("KeySpec").asText())) {
            error(exchange, 400, "ValidationException", "this fake makes AES_256 data keys only");
            return;
        }
        byte[] plaintext = new byte[32];
        RANDOM.nextBytes(plaintext);
        ObjectNode response = JSON.createObjectNode()
                .put("KeyId", arn(keyId))
                .put("Plaintext", Base64.getEncoder().encodeToString(plaintext))
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(keyId, plaintext, request)));
        ok(exchange, response);
    }

    private void encrypt(HttpExchange exchange, JsonNode request) throws IOException {
        String keyId = resolve(exchange, request.path("KeyId").asText(null));
        if (keyId == null) {
            return;
        }
        byte[] plaintext = Base64.getDecoder().decode(request.path("Plaintext").asText(""));
        ok(exchange, JSON.createObjectNode()
                .put("KeyId", arn(keyId))
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(keyId, plaintext, request))));
    }

    private void decrypt(HttpExchange exchange, JsonNode request) throws IOException {
        byte[] blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText(""));
        if (blob.length < 4 + 36 + 12 + 16 || !Arrays.equals(blob, 0, 4, MAGIC, 0, 4)) {
            error(exchange, 400, "InvalidCiphertextException", null);
            return;
        }
        String blobKey = new String(blob, 4, 36, StandardCharsets.US_ASCII);
        if (request.hasNonNull("KeyId")) {
            String asked = resolve(exchange, request.get("KeyId").asText());
            if (asked == null) {
                return;
            }
            if (!asked.equals(blobKey)) {
                error(exchange, 400, "IncorrectKeyException",
                        "The key ID in the request does not identify a KMS key that can perform this operation.");
                return;
            }
        }
        byte[] key = keys.get(blobKey);
        if (key == null) {
            error(exchange, 400, "InvalidCiphertextException", null);
            return;
        }
        byte[] plaintext;
        try {
            plaintext = AesGcm.AES_256.open(key, Arrays.copyOfRange(blob, 40, 52),
                    Arrays.copyOfRange(blob, 52, blob.length), context(request));
        } catch (RuntimeException e) {
            error(exchange, 400, "InvalidCiphertextException", null);
            return;
        }
        ok(exchange, JSON.createObjectNode()
                .put("KeyId", arn(blobKey))
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .put("Plaintext", Base64.getEncoder().encodeToString(plaintext)));
    }

    private byte[] seal(String keyId, byte[] plaintext, JsonNode request) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return Bytes.concat(MAGIC, keyId.getBytes(StandardCharsets.US_ASCII), nonce,
                AesGcm.AES_256.seal(keys.get(keyId), nonce, plaintext, context(request)));
    }

    /** The key's uuid for a key id or key ARN; otherwise answers NotFoundException and returns null. */
    private String resolve(HttpExchange exchange, String keyId) throws IOException {
        String id = keyId == null ? null : keyId.startsWith("arn:") ? keyId.substring(keyId.lastIndexOf('/') + 1) : keyId;
        if (id == null || !keys.containsKey(id)) {
            error(exchange, 400, "NotFoundException", "Key '" + arn(String.valueOf(keyId)) + "' does not exist");
            return null;
        }
        return id;
    }

    private static byte[] context(JsonNode request) {
        Map<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("EncryptionContext").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            sorted.put(entry.getKey(), entry.getValue().asText());
        }
        StringBuilder text = new StringBuilder("context\n");
        sorted.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void ok(HttpExchange exchange, ObjectNode response) throws IOException {
        send(exchange, 200, JSON.writeValueAsBytes(response), null);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type);
        if (message != null) {
            body.put("message", message);
        }
        send(exchange, status, JSON.writeValueAsBytes(body), type);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String errorType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
