package io.keyward.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyward.protocol.Problem;
import io.keyward.protocol.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * HTTPS (TLS 1.3 only) and JSON for one server; shared by a client and its sessions. Thread-safe.
 *
 * <p>HTTP/1.1 with keep-alive: the JDK's HTTP/2 client fails an exchange whose answer arrives before it has
 * sent the whole request body (the server then resets the stream), which is exactly what an early refusal
 * (a wrong admin token, a wrong content type) looks like. Sessions do not depend on the connection, so
 * nothing is lost.
 */
final class Transport implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final TrustingManager trust;
    private final HttpClient http;

    Transport(URI server, ServerTrust trust) {
        if (server == null || !"https".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
            throw new IllegalArgumentException("the server URL must be https://host[:port]");
        }
        String text = server.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.trust = new TrustingManager(trust);
        try {
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, new TrustManager[] {this.trust}, new SecureRandom());
            SSLParameters parameters = tls.getDefaultSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            this.http = HttpClient.newBuilder()
                    .sslContext(tls)
                    .sslParameters(parameters)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot do TLS 1.3", e);
        }
    }

    URI base() {
        return base;
    }

    String lastFingerprint() {
        return trust.lastFingerprint();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLHandshakeException e) {
            throw new KeywardApiException(0, KeywardApiException.SERVER_UNTRUSTED,
                    "TLS handshake with " + base.getAuthority() + " failed: " + oneLine(e), e);
        } catch (IOException e) {
            throw new KeywardApiException(0, KeywardApiException.CONNECTION_FAILED,
                    "cannot reach " + base.getAuthority() + ": " + oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeywardApiException(0, KeywardApiException.CONNECTION_FAILED, "interrupted", e);
        }
    }

    /** A plain JSON request; a problem answer becomes a {@link KeywardApiException}. */
    <T> T json(String method, String pathAndQuery, Object body, String bearer, Class<T> responseType) {
        HttpRequest.Builder request = request(pathAndQuery).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body());
        }
        if (response.statusCode() >= 300) {
            throw new KeywardApiException(response.statusCode(), KeywardApiException.INVALID_RESPONSE,
                    "unexpected status " + response.statusCode());
        }
        return read(response.body(), responseType);
    }

    static byte[] write(Object body) {
        try {
            return WireJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    static <T> T read(byte[] body, Class<T> type) {
        if (type == Void.class || type == void.class) {
            return null;
        }
        try {
            return WireJson.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new KeywardApiException(0, KeywardApiException.INVALID_RESPONSE,
                    "the server's answer is not the expected " + type.getSimpleName());
        }
    }

    /** The problem+json of an error answer (or a generic one when the body is not a problem). */
    static KeywardApiException problem(int status, byte[] body) {
        try {
            Problem problem = WireJson.mapper().readValue(body, Problem.class);
            if (problem != null && problem.code() != null) {
                return new KeywardApiException(status, problem.code(), problem.detail() == null ? "" : problem.detail());
            }
        } catch (IOException e) {
            // fall through: not a problem document
        }
        return new KeywardApiException(status, "http_" + status, "the server answered " + status);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.lines().findFirst().orElse("").toLowerCase(Locale.ROOT).isEmpty()
                ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        http.close();
    }
}
