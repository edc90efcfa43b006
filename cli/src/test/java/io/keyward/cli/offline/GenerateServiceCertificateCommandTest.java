package io.keyward.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.cli.Main;
import io.keyward.crypto.sequester.SequesterCertificate;
import io.keyward.crypto.sequester.SequesterCertificates;
import io.keyward.crypto.sequester.SequesterKeys;
import io.keyward.crypto.sequester.SequesterServiceCertificate;
import io.keyward.crypto.testing.OpenSsl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator workflow of issue 9 with keys made by the real openssl command. */
class GenerateServiceCertificateCommandTest {
    private static final String PASSPHRASE = "authority passphrase";

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKeys() {
        // As in the README: an encrypted authority key, a plain service key, both RSA.
        OpenSsl.run(dir, "genrsa", "-aes256", "-passout", "pass:" + PASSPHRASE, "-out", "authority_key.private", "2048");
        OpenSsl.run(dir, "rsa", "-in", "authority_key.private", "-passin", "pass:" + PASSPHRASE,
                "-out", "authority_key.pub", "-pubout", "-outform", "PEM");
        OpenSsl.run(dir, "genrsa", "-traditional", "-aes256", "-passout", "pass:" + PASSPHRASE,
                "-out", "authority_legacy.private", "2048");
        OpenSsl.run(dir, "genrsa", "-out", "service_key.private", "2048");
        OpenSsl.run(dir, "rsa", "-in", "service_key.private", "-out", "service_key.pub", "-pubout", "-outform", "PEM");
        OpenSsl.run(dir, "genrsa", "-out", "short.private", "1024");
        OpenSsl.run(dir, "rsa", "-in", "short.private", "-out", "short.pub", "-pubout");
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.private");
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String[] args(String authority, String service, String out, boolean stdin) {
        var list = new java.util.ArrayList<>(java.util.List.of("offline", "sequester", "generate-service-certificate",
                "--service-label", "Inspection",
                "--service-public-key", dir.resolve(service).toString(),
                "--authority-private-key", dir.resolve(authority).toString(),
                "--out", dir.resolve(out).toString()));
        if (stdin) {
            list.add("--passphrase-stdin");
        }
        return list.toArray(String[]::new);
    }

    @Test
    void signsACertificateThatVerifiesAgainstTheAuthorityKey() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        Run run = run(PASSPHRASE + "\n", args("authority_key.private", "service_key.pub", "cert.pem", true));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();

        String pem = Files.readString(dir.resolve("cert.pem"));
        assertThat(pem).startsWith("-----BEGIN KEYWARD SEQUESTER SERVICE CERTIFICATE-----\n");
        SequesterServiceCertificate cert = SequesterCertificates.verifyService(
                SequesterKeys.readPublicKeyPem(Files.readString(dir.resolve("authority_key.pub"))),
                SequesterCertificates.fromPem(SequesterCertificate.Kind.SERVICE, pem));
        assertThat(cert.serviceLabel()).isEqualTo("Inspection");
        assertThat(cert.encryptionKey())
                .isEqualTo(SequesterKeys.readPublicKeyPem(Files.readString(dir.resolve("service_key.pub"))));
        assertThat(cert.timestamp()).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(run.out()).contains("service id: " + cert.serviceId());
    }

    @Test
    void theLegacyEncryptedFormWorksToo() {
        Run run = run(PASSPHRASE + "\r\n", args("authority_legacy.private", "service_key.pub", "cert-legacy.pem", true));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aWrongPassphraseIsOneLineAndWritesNothing() {
        Run run = run("not the passphrase\n", args("authority_key.private", "service_key.pub", "wrong.pem", true));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("keyward: wrong passphrase for private key" + System.lineSeparator());
        assertThat(dir.resolve("wrong.pem")).doesNotExist();
    }

    @Test
    void anEncryptedKeyWithoutAPassphraseSaysOneIsNeeded() {
        Run noStdin = run("", args("authority_key.private", "service_key.pub", "none.pem", true));
        assertThat(noStdin.exitCode()).isEqualTo(1);
        assertThat(noStdin.err()).isEqualTo("keyward: no passphrase on standard input" + System.lineSeparator());
        // No terminal in a test run, and no --passphrase-stdin.
        Run noTerminal = run("", args("authority_key.private", "service_key.pub", "none.pem", false));
        assertThat(noTerminal.exitCode()).isEqualTo(1);
        assertThat(noTerminal.err()).startsWith("keyward: the authority private key ")
                .contains("is encrypted: a passphrase is needed");
        assertThat(dir.resolve("none.pem")).doesNotExist();
    }

    @Test
    void shortAndNonRsaKeysAreRefused() {
        Run shortService = run("", args("service_key.private", "short.pub", "short.pem", false));
        assertThat(shortService.exitCode()).isEqualTo(1);
        assertThat(shortService.err()).isEqualTo(
                "keyward: a sequester key must have at least 2048 bits, this one has 1024" + System.lineSeparator());
        Run ecAuthority = run("", args("ec.private", "service_key.pub", "ec.pem", false));
        assertThat(ecAuthority.exitCode()).isEqualTo(1);
        assertThat(ecAuthority.err()).isEqualTo("keyward: expected an RSA private key, found EC" + System.lineSeparator());
        Run swapped = run("", args("service_key.pub", "service_key.pub", "swapped.pem", false));
        assertThat(swapped.exitCode()).isEqualTo(1);
        assertThat(swapped.err()).isEqualTo(
                "keyward: expected a private key, found a public key (PUBLIC KEY)" + System.lineSeparator());
        assertThat(dir.resolve("short.pem")).doesNotExist();
    }

    @Test
    void missingFilesAndAnExistingOutputAreRefused() throws IOException {
        Run missing = run("", args("nope.private", "service_key.pub", "missing.pem", false));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("keyward: cannot read the authority private key: ").contains("does not exist");
        Files.writeString(dir.resolve("exists.pem"), "keep me");
        Run exists = run(PASSPHRASE + "\n", args("authority_key.private", "service_key.pub", "exists.pem", true));
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("exists.pem"))).isEqualTo("keep me");
        Run usage = run("", "offline", "sequester", "generate-service-certificate", "--service-label", "x");
        assertThat(usage.exitCode()).isEqualTo(2);
    }
}
