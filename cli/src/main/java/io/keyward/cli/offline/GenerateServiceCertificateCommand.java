package io.keyward.cli.offline;

import io.keyward.cli.CliException;
import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.sequester.SequesterCertificate;
import io.keyward.crypto.sequester.SequesterCertificates;
import io.keyward.crypto.sequester.SequesterKeys;
import io.keyward.crypto.sequester.SequesterServiceCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyward offline sequester generate-service-certificate}: the authority signs a service's
 * public key into a service certificate, offline. Keys are the PEM files OpenSSL writes; both must
 * be RSA of at least 2048 bits.
 */
@Command(name = "generate-service-certificate", mixinStandardHelpOptions = true,
        description = {
            "Sign a sequester service certificate with the authority's private key.",
            "Keys are PEM files as openssl writes them (RSA, 2048 bits or more). An encrypted authority key",
            "asks for its passphrase on the terminal, or reads it from the first line of standard input",
            "with --passphrase-stdin. Prints the new service id."})
public final class GenerateServiceCertificateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--service-label", required = true, paramLabel = "LABEL", description = "Human name of the service.")
    String serviceLabel;

    @Option(names = "--service-public-key", required = true, paramLabel = "FILE",
            description = "The service's RSA public key (PEM: BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY).")
    Path servicePublicKey;

    @Option(names = "--authority-private-key", required = true, paramLabel = "FILE",
            description = "The sequester authority's RSA private key (PEM, possibly passphrase-encrypted).")
    Path authorityPrivateKey;

    @Option(names = "--passphrase-stdin", description = "Read the authority key's passphrase from standard input.")
    boolean passphraseStdin;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the certificate (PEM); must not exist.")
    Path out;

    @Override
    public Integer call() {
        if (Files.exists(out)) {
            throw new CliException(out + " already exists; choose another --out");
        }
        RSAPublicKey serviceKey = SequesterKeys.readPublicKeyPem(readText(servicePublicKey, "service public key"));
        RSAPrivateCrtKey authority = readAuthority();
        RSAPublicKey authorityPublic = PemKeys.publicKeyOf(authority);

        SequesterServiceCertificate certificate =
                SequesterServiceCertificate.create(serviceLabel, serviceKey, Instant.now());
        byte[] signed = SequesterCertificates.sign(authority, certificate);
        // Check our own output before anyone relies on it.
        SequesterCertificates.verifyService(authorityPublic, signed);
        String pem = SequesterCertificates.toPem(SequesterCertificate.Kind.SERVICE, signed);
        try {
            Files.writeString(out, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(out + " already exists; choose another --out");
        } catch (IOException e) {
            throw new CliException("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf("service certificate for \"%s\" written to %s%nservice id: %s%n",
                certificate.serviceLabel(), out, certificate.serviceId());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private RSAPrivateCrtKey readAuthority() {
        String pem = readText(authorityPrivateKey, "authority private key");
        char[] passphrase = null;
        try {
            if (PemKeys.isEncryptedPrivateKey(pem)) {
                passphrase = Passphrases.read(passphraseStdin, "the authority private key " + authorityPrivateKey);
            }
            return SequesterKeys.readPrivateKeyPem(pem, passphrase);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static String readText(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read the " + what + ": " + file + " does not exist");
        } catch (IOException e) {
            throw new CliException("cannot read the " + what + " " + file + ": " + e.getMessage());
        }
    }
}
