package io.keyward.cli.user;

import io.keyward.protocol.keystore.KeyInfo;
import io.keyward.protocol.keystore.OperationResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyward key ...}: keys in a keystore and the operations done with them on the server. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = {"Create, list, rotate and export keys, and sign, verify, encrypt and decrypt with them on the server.",
            "Data comes from --in FILE or standard input: raw bytes, or base64 text with --base64.",
            UserCommand.NO_SESSION_KEPT},
        subcommands = {KeyCommand.Create.class, KeyCommand.ListKeys.class, KeyCommand.Sign.class, KeyCommand.Verify.class,
            KeyCommand.Encrypt.class, KeyCommand.Decrypt.class, KeyCommand.Rotate.class, KeyCommand.Export.class})
public final class KeyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Keystore and key, the two positional parameters of every operation. */
    abstract static class OnKey extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEYSTORE")
        String keystore;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;
    }

    /** An operation that reads data. */
    abstract static class WithData extends OnKey {
        @Option(names = "--in", paramLabel = "FILE", description = "Read the data from FILE (default: standard input).")
        Path in;

        @Option(names = "--base64", description = "The data is base64 text, not raw bytes.")
        boolean base64;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key in a keystore.")
    static final class Create extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEYSTORE")
        String keystore;

        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "aes256-gcm, chacha20-poly1305, xchacha20-poly1305, hmac-sha256, ed25519, ecdsa-p256, ecdsa-p384,"
                        + " ecdsa-secp256k1, rsa-2048, rsa-3072, rsa-4096, x25519, ecdh-p256, ml-kem-768, ml-dsa-65")
        String type;

        @Option(names = "--id", paramLabel = "KEY", description = "The key's id (default: chosen by the server).")
        String id;

        @Override
        public Integer call() {
            KeyInfo info = withKeystores(k -> k.createKey(keystore, type, id));
            printKey(this, info);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys of a keystore.")
    static final class ListKeys extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEYSTORE")
        String keystore;

        @Override
        public Integer call() {
            for (KeyInfo info : withKeystores(k -> k.keys(keystore)).keys()) {
                printKey(this, info);
            }
            return 0;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign the data; prints kw:v<n>:<signature>.")
    static final class Sign extends WithData {
        @Override
        public Integer call() {
            print(withKeystores(k -> k.sign(keystore, key, readData(in, base64))));
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a kw:v<n>:... signature of the data; exit 0 and 'valid', else signature_invalid.")
    static final class Verify extends WithData {
        @Option(names = "--signature", required = true, paramLabel = "SIGNATURE", description = "The kw:v<n>:... signature.")
        String signature;

        @Override
        public Integer call() {
            withKeystores(k -> {
                k.verify(keystore, key, readData(in, base64), signature);
                return null;
            });
            print("valid");
            return 0;
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, description = "Encrypt the data; prints kw:v<n>:<ciphertext>.")
    static final class Encrypt extends WithData {
        @Option(names = "--aad", paramLabel = "TEXT", description = "Associated data (UTF-8 text) bound to the ciphertext.")
        String aad;

        @Override
        public Integer call() {
            print(withKeystores(k -> k.encrypt(keystore, key, readData(in, base64),
                    aad == null ? null : aad.getBytes(StandardCharsets.UTF_8))));
            return 0;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Decrypt a kw:v<n>:... ciphertext (from --in or standard input); writes the plaintext raw, or"
                    + " base64 with --base64.")
    static final class Decrypt extends OnKey {
        @Option(names = "--in", paramLabel = "FILE", description = "Read the ciphertext from FILE (default: standard input).")
        Path in;

        @Option(names = "--base64", description = "Write the plaintext as base64 text.")
        boolean base64;

        @Option(names = "--aad", paramLabel = "TEXT", description = "The associated data given at encryption.")
        String aad;

        @Override
        public Integer call() {
            byte[] plaintext = withKeystores(k -> k.decrypt(keystore, key, readText(in),
                    aad == null ? null : aad.getBytes(StandardCharsets.UTF_8)));
            if (base64) {
                print(Base64.getEncoder().encodeToString(plaintext));
            } else {
                PrintStream raw = System.out;
                try {
                    raw.write(plaintext);
                } catch (IOException e) {
                    throw new io.keyward.cli.CliException("cannot write the plaintext: " + e.getMessage());
                }
                raw.flush();
            }
            java.util.Arrays.fill(plaintext, (byte) 0);
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new version; new outputs use it, old ones keep working until retired.")
    static final class Rotate extends OnKey {
        @Override
        public Integer call() {
            printKey(this, withKeystores(k -> k.rotate(keystore, key)));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Print the public key.")
    static final class Export extends OnKey {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "spki-pem",
                description = "spki-pem (default), raw (base64url) or jwk.")
        String format;

        @Override
        public Integer call() {
            OperationResponse exported = withKeystores(k -> k.exportPublicKey(keystore, key, format));
            if (exported.jwk() != null) {
                print(io.keyward.crypto.keys.jwk.Jwk.toJson(exported.jwk()));
            } else {
                print(exported.publicKey().strip());
            }
            return 0;
        }
    }

    static void printKey(UserCommand command, KeyInfo info) {
        if (command.json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("keystore_id", info.keystoreId());
            fields.put("key_id", info.keyId());
            fields.put("type", info.type());
            fields.put("enabled", info.enabled());
            fields.put("latest_version", info.latestVersion());
            fields.put("min_decryption_version", info.minDecryptionVersion());
            command.printJson(fields);
        } else {
            command.print(info.keyId() + "  " + info.type() + "  v" + info.latestVersion()
                    + (info.enabled() ? "" : "  disabled") + (info.minDecryptionVersion() > 1
                            ? "  min v" + info.minDecryptionVersion() : ""));
        }
    }
}
