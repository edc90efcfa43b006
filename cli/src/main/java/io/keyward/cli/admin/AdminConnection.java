package io.keyward.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.cli.CliException;
import io.keyward.protocol.WireJson;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import picocli.CommandLine.Option;

/**
 * The options every {@code keyward admin} command shares, and the HTTPS calls they make: the server
 * URL, the certificate fingerprint to pin (a self-signed node), and the admin token, which is read
 * from {@code KEYWARD_ADMIN_TOKEN} or {@code --admin-token-file} and never from the command line.
 */
public final class AdminConnection {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:KEYWARD_SERVER:-https://127.0.0.1:8443}",
            description = "The node's URL (default ${DEFAULT-VALUE}; env KEYWARD_SERVER).")
    String server;

    @Option(names = "--fingerprint", paramLabel = "SHA256", defaultValue = "${env:KEYWARD_FINGERPRINT}",
            description = "Trust exactly the certificate with this SHA-256 fingerprint (AA:BB:..., as the node printed"
                    + " it; env KEYWARD_FINGERPRINT). Without it, the system's trusted CAs decide.")
    String fingerprint;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "A file holding the admin token (otherwise KEYWARD_ADMIN_TOKEN).")
    Path tokenFile;

    private HttpClient client;
    private String token;

    /** GETs a JSON document; a non-2xx answer is a one-line {@link CliException} with the problem's code and detail. */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public JsonNode post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("cannot reach " + server + ": " + oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        JsonNode body;
        try {
            body = WireJson.mapper().readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() / 100 != 2) {
            String code = body == null ? "" : body.path("code").asText("");
            String detail = body == null ? "" : body.path("detail").asText("");
            throw new CliException("the server refused: " + response.statusCode()
                    + (code.isEmpty() ? "" : " " + code) + (detail.isEmpty() ? "" : ": " + detail));
        }
        if (body == null) {
            throw new CliException("the server's answer is not JSON");
        }
        return body;
    }

    private URI uri(String path) {
        try {
            URI base = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
            if (!"https".equals(base.getScheme()) || base.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new CliException("--server must be an https:// URL, e.g. https://127.0.0.1:8443");
        }
    }

    private String token() {
        if (token == null) {
            String value;
            if (tokenFile != null) {
                try {
                    value = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                } catch (NoSuchFileException e) {
                    throw new CliException("no such admin token file: " + tokenFile);
                } catch (IOException e) {
                    throw new CliException("cannot read the admin token file " + tokenFile + ": " + oneLine(e));
                }
            } else {
                value = System.getenv("KEYWARD_ADMIN_TOKEN");
            }
            if (value == null || value.isBlank()) {
                throw new CliException("an admin command needs the admin token: set KEYWARD_ADMIN_TOKEN or pass --admin-token-file");
            }
            token = value.strip();
        }
        return token;
    }

    private HttpClient client() {
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
            if (fingerprint != null && !fingerprint.isBlank()) {
                builder.sslContext(pinned(fingerprint));
            }
            client = builder.build();
        }
        return client;
    }

    /** Trusts exactly the leaf certificate with this SHA-256 fingerprint: the pin is the identity. */
    private static SSLContext pinned(String expected) {
        String pin = expected.strip().toUpperCase(Locale.ROOT);
        if (!pin.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")) {
            throw new CliException("--fingerprint must be 32 hex pairs joined by colons, as the node printed it");
        }
        X509ExtendedTrustManager trust = new X509ExtendedTrustManager() {
            private void check(X509Certificate[] chain) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("the server sent no certificate");
                }
                String actual;
                try {
                    actual = HexFormat.ofDelimiter(":").withUpperCase()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                } catch (GeneralSecurityException e) {
                    throw new CertificateException("cannot fingerprint the server's certificate");
                }
                if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII), pin.getBytes(StandardCharsets.US_ASCII))) {
                    throw new CertificateException("the server's certificate " + actual + " is not the pinned " + pin);
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new CliException("TLS 1.3 is not available in this JVM");
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
