package io.keyward.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.KeywardCommand;
import io.keyward.server.tls.CertificateFingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerCommandTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {}

    static Run inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KeywardCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printConfigShowsTheEffectiveConfigurationAndExits() throws IOException {
        Path config = dir.resolve("keyward.yaml");
        Files.writeString(config, "server:\n  port: 9000\nstorage:\n  password: hunter2\n");
        Run run = inProcess("server", "--config", config.toString(), "--data", dir.resolve("data").toString(),
                "--port", "9443", "--print-config");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("data_dir: " + dir.resolve("data")).contains("port: 9443")
                .contains("password: '****'").doesNotContain("hunter2");
        assertThat(dir.resolve("data")).doesNotExist(); // printing creates nothing
    }

    @Test
    void aBadValueExitsWith3AndOneLine() throws IOException {
        Run run = inProcess("server", "--data", dir.resolve("data").toString(), "--port", "70000");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("keyward: config: server.port must be 0-65535 (0 picks a free port),"
                + " got 70000 (from the command line)" + System.lineSeparator());
        Path config = dir.resolve("typo.yaml");
        Files.writeString(config, "sever:\n  port: 1\n");
        Run typo = inProcess("server", "--config", config.toString(), "--print-config");
        assertThat(typo.exitCode()).isEqualTo(3);
        assertThat(typo.err()).startsWith("keyward: config: unknown field sever in " + config);
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        Run run = inProcess("server", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data=DIR", "--config=FILE", "--port=N", "--print-config", "Exit codes:");
    }

    /** In-process with --json: one JSON object, then serving until the thread is interrupted. */
    @Test
    @Timeout(120)
    void jsonReportInProcessUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = KeywardCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int[] exit = {-1};
        Thread server = new Thread(() -> exit[0] = cli.execute(
                "server", "--data", dir.resolve("json-node").toString(), "--port", "0", "--json"));
        server.start();
        while (!out.toString().contains("\n")) {
            assertThat(server.isAlive()).as("server thread ended early: %s", out).isTrue();
            Thread.sleep(50);
        }
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("admin_token").asText()).startsWith("kwa_");
        assertThat(report.path("root_key_created").asBoolean()).isTrue();
        assertThat(report.path("root_key_file").asText()).isEqualTo(dir.resolve("json-node/root.key").toString());
        String fingerprint = report.path("certificate_sha256").asText();
        HttpResponse<String> health = pinnedClient(fingerprint).send(
                HttpRequest.newBuilder(URI.create(report.path("url").asText() + "/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        server.interrupt();
        server.join(30_000);
        assertThat(server.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }

    /** The server command in its own JVM, as an operator runs it; stopped with SIGTERM. */
    @Test
    @Timeout(180)
    void serverPrintsFingerprintAndTokenOnceAndServes() throws Exception {
        Path data = dir.resolve("node");
        Started first = startProcess(data);
        try {
            assertThat(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(first.token()).startsWith("kwa_");
            assertThat(first.lines()).anySatisfy(l -> assertThat(l).isEqualTo("Root key file created: " + data.resolve("root.key")));

            HttpClient pinned = pinnedClient(first.fingerprint());
            HttpResponse<String> health = pinned.send(HttpRequest.newBuilder(URI.create(first.url() + "/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> node = pinned.send(HttpRequest.newBuilder(URI.create(first.url() + "/v1/admin/node"))
                    .header("Authorization", "Bearer " + first.token()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(node.statusCode()).isEqualTo(200);
            assertThat(node.body()).contains(first.fingerprint());
        } finally {
            stop(first.process());
        }

        Started second = startProcess(data);
        try {
            assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
            assertThat(second.token()).isNull();
            assertThat(String.join("\n", second.lines())).doesNotContain("kwa_").doesNotContain("Root key file created");
        } finally {
            stop(second.process());
        }
    }

    record Started(Process process, List<String> lines, String url, String fingerprint, String token) {}

    private static Started startProcess(Path data) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                "io.keyward.cli.Main", "server", "--data", data.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String url = null;
        String fingerprint = null;
        String token = null;
        // The listening line comes last in the report.
        for (String line; url == null && (line = out.readLine()) != null; ) {
            lines.add(line);
            if (line.startsWith("Keyward node listening on ")) {
                url = line.substring("Keyward node listening on ".length());
            } else if (line.startsWith("Certificate SHA-256 fingerprint: ")) {
                fingerprint = line.substring("Certificate SHA-256 fingerprint: ".length());
            } else if (line.startsWith("Admin token (shown only this once; store it now): ")) {
                token = line.substring(line.indexOf(": ") + 2);
            }
        }
        assertThat(url).as("printed lines: %s", lines).isNotNull();
        return new Started(process, lines, url, fingerprint, token);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook drains and closes
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isIn(0, 143);
    }

    /** Trusts exactly the certificate with this fingerprint, as a pinning client does. */
    private static HttpClient pinnedClient(String fingerprint) throws Exception {
        TrustManager pin = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (!CertificateFingerprint.sha256(chain[0]).equals(fingerprint)) {
                    throw new CertificateException("certificate does not match the pinned fingerprint");
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, new TrustManager[] {pin}, new SecureRandom());
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
