package io.keyward.server.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.crypto.ksf.KeyStretching;
import io.keyward.crypto.opaque.ClientLoginResult;
import io.keyward.crypto.opaque.Identities;
import io.keyward.crypto.opaque.KE2;
import io.keyward.crypto.opaque.LoginStart;
import io.keyward.crypto.opaque.OpaqueClient;
import io.keyward.crypto.opaque.OpaqueSuite;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.WireJson;
import io.keyward.protocol.channel.ChannelKeys;
import io.keyward.protocol.channel.SealedChannel;
import io.keyward.server.KeywardNode;
import io.keyward.server.testing.TestHttps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP below the SDK, for the tests that must send what the SDK never would: tampered bodies, replayed
 * seqs, malformed OPAQUE messages, a KE3 twice, a session's requests to two nodes.
 */
final class RawApi {
    private final KeywardNode node;
    private final HttpClient http;

    /** HTTP/1.1, as the SDK speaks (see {@code Transport}). */
    RawApi(KeywardNode node) {
        this(node, HttpClient.Version.HTTP_1_1);
    }

    RawApi(KeywardNode node, HttpClient.Version version) {
        this.node = node;
        this.http = TestHttps.client(node.certificate(), version);
    }

    record Response(int status, String contentType, byte[] body) {
        JsonNode json() {
            try {
                return WireJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String code() {
            return json().path("code").asText();
        }
    }

    Response send(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null && body.length > 64 * 1024) {
            // Let the node refuse a large body before it is sent, rather than racing its connection close.
            request.expectContinue(true);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response postJson(String path, Object body) {
        try {
            return send("POST", path, WireJson.mapper().writeValueAsBytes(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response postJson(String path, String json) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** A logged-in session whose channel keys the test holds. */
    record RawSession(String sessionId, ChannelKeys keys, JsonNode login) {}

    static OpaqueClient opaque(String suite, String ksf) {
        return new OpaqueClient(OpaqueSuite.fromId(suite), KeyStretching.parse(ksf));
    }

    /** login/start with a real KE1; returns the answer and the client state. */
    record Started(LoginStart start, Response response) {}

    Started loginStart(String org, String suite, String userId, String password) {
        LoginStart start = opaque(suite, TestCluster.CHEAP_KSF).startLogin(password.getBytes(StandardCharsets.UTF_8));
        Response response = postJson("/v1/orgs/" + org + "/login/start",
                Map.of("user_id", userId, "ke1", Base64Url.encode(start.ke1().serialize())));
        return new Started(start, response);
    }

    /** A full login by hand. */
    RawSession login(String org, String suite, String userId, String password) {
        Started started = loginStart(org, suite, userId, password);
        if (started.response().status() != 200) {
            throw new IllegalStateException("login/start: " + started.response().status() + " " + started.response().code());
        }
        OpaqueSuite opaqueSuite = OpaqueSuite.fromId(suite);
        KE2 ke2 = KE2.deserialize(opaqueSuite, Base64Url.decode(started.response().json().path("ke2").asText(), "ke2"));
        ClientLoginResult result = opaque(suite, TestCluster.CHEAP_KSF).finishLogin(started.start().state(), ke2, Identities.NONE);
        Response finished = postJson("/v1/orgs/" + org + "/login/finish",
                Map.of("login_id", started.response().json().path("login_id").asText(),
                        "ke3", Base64Url.encode(result.ke3().serialize())));
        if (finished.status() != 200) {
            throw new IllegalStateException("login/finish: " + finished.status() + " " + finished.code());
        }
        return new RawSession(finished.json().path("session_id").asText(), ChannelKeys.derive(result.sessionKey()),
                finished.json());
    }

    /** A sealed request with the given seq; {@code tamper} may change the sealed bytes before they are sent. */
    Response sealed(RawSession session, String method, String path, long seq, String json,
            java.util.function.UnaryOperator<byte[]> tamper) {
        byte[] plaintext = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        byte[] body = SealedChannel.sealRequest(session.keys(), method, path, session.sessionId(), seq, plaintext);
        return send(method, path, tamper.apply(body), SealedChannel.CONTENT_TYPE,
                SealedChannel.SESSION_HEADER, session.sessionId(), SealedChannel.SEQ_HEADER, Long.toString(seq));
    }

    Response sealed(RawSession session, String method, String path, long seq, String json) {
        return sealed(session, method, path, seq, json, b -> b);
    }

    /** Opens a sealed answer. */
    static JsonNode open(RawSession session, long seq, Response response) {
        byte[] opened = SealedChannel.openResponse(session.keys(), response.status(), session.sessionId(), seq, response.body());
        try {
            return WireJson.mapper().readTree(opened);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
