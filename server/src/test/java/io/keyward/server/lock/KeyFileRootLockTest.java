package io.keyward.server.lock;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.envelope.KeyRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFileRootLockTest {
    private static final byte[] AAD = "keystore ks-1 lock".getBytes(US_ASCII);

    @TempDir
    Path dir;

    private Path newKeyFile() {
        Path file = dir.resolve("root.key");
        KeyFileRootLock.createKeyFile(file);
        return file;
    }

    @Test
    void createsAPrivateKeyFileInTheDocumentedFormat() throws Exception {
        Path file = newKeyFile();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<String> lines = Files.readAllLines(file, US_ASCII);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("keyward-root-key-v1");
        assertThat(lines.get(1)).matches("key-id: [0-9a-f]{16}");
        assertThat(lines.get(2)).matches("key: [A-Za-z0-9_-]{43}");
        assertThat(Files.size(file)).isEqualTo(20 + 25 + 49);

        try (KeyFileRootLock lock = KeyFileRootLock.open(file)) {
            assertThat(lock.keyId()).isEqualTo("file:" + lines.get(1).substring("key-id: ".length()));
            assertThat(lock.toString()).doesNotContain(lines.get(2).substring(5));
        }
    }

    @Test
    void eachKeyFileHoldsANewKey() throws Exception {
        Path a = dir.resolve("a.key");
        Path b = dir.resolve("b.key");
        KeyFileRootLock.createKeyFile(a);
        KeyFileRootLock.createKeyFile(b);
        assertThat(Files.readAllLines(a).get(2)).isNotEqualTo(Files.readAllLines(b).get(2));
        assertThat(Files.readAllLines(a).get(1)).isNotEqualTo(Files.readAllLines(b).get(1));
    }

    @Test
    void refusesToOverwrite() throws Exception {
        Path file = newKeyFile();
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> KeyFileRootLock.createKeyFile(file))
                .isInstanceOf(RootLockException.class)
                .hasMessage("root key file " + file + " already exists; refusing to overwrite it");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void refusesToCreateInAMissingDirectory() {
        Path file = dir.resolve("missing/root.key");
        assertThatThrownBy(() -> KeyFileRootLock.createKeyFile(file))
                .hasMessage("cannot create root key file " + file + ": no such file or directory");
    }

    @Test
    void wrapsAndUnwrapsWithTheEnvelopeFormat() {
        try (KeyFileRootLock lock = KeyFileRootLock.open(newKeyFile())) {
            byte[] secret = "a keystore lock key, 32 bytes..".getBytes(US_ASCII);
            byte[] wrapped = lock.wrap(secret, AAD);
            Envelope envelope = Envelope.parse(wrapped);
            assertThat(envelope.keyRef()).isEqualTo(new KeyRef(lock.keyId(), 1));
            assertThat(lock.unwrap(wrapped, AAD)).isEqualTo(secret);
            // Opening with the raw key proves the file key is the wrapping key, with nothing else mixed in.
            assertThat(envelope.open(lock.keyMaterialForTest(), new KeyRef(lock.keyId(), 1), AAD)).isEqualTo(secret);
        }
    }

    @Test
    void refusesOtherAssociatedDataTamperingAndOtherKeys() throws Exception {
        Path other = dir.resolve("other.key");
        KeyFileRootLock.createKeyFile(other);
        try (KeyFileRootLock lock = KeyFileRootLock.open(newKeyFile());
                KeyFileRootLock otherLock = KeyFileRootLock.open(other)) {
            byte[] wrapped = lock.wrap(new byte[32], AAD);

            assertThatThrownBy(() -> lock.unwrap(wrapped, "keystore ks-2 lock".getBytes(US_ASCII)))
                    .isInstanceOf(RootLockException.class)
                    .hasMessage("cannot unwrap: wrapped value failed to authenticate under root key " + lock.keyId());

            byte[] tampered = wrapped.clone();
            tampered[tampered.length - 1] ^= 1;
            assertThatThrownBy(() -> lock.unwrap(tampered, AAD)).isInstanceOf(RootLockException.class)
                    .hasMessage("cannot unwrap: wrapped value failed to authenticate under root key " + lock.keyId());

            assertThatThrownBy(() -> otherLock.unwrap(wrapped, AAD)).isInstanceOf(RootLockException.class)
                    .hasMessage("cannot unwrap: value is wrapped by root key " + lock.keyId()
                            + ", not by this node's root key " + otherLock.keyId());

            assertThatThrownBy(() -> lock.unwrap(new byte[] {9, 9}, AAD))
                    .hasMessage("cannot unwrap: malformed envelope: unsupported format version 9");
            assertThatThrownBy(() -> lock.wrap(new byte[32], new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void zeroizesTheKeyOnCloseAndRefusesUseAfterwards() {
        KeyFileRootLock lock = KeyFileRootLock.open(newKeyFile());
        byte[] wrapped = lock.wrap(new byte[32], AAD);
        byte[] key = lock.keyMaterialForTest();
        assertThat(key).hasSize(32).isNotEqualTo(new byte[32]);

        lock.close();

        assertThat(key).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> lock.unwrap(wrapped, AAD)).isInstanceOf(RootLockException.class)
                .hasMessage("root lock " + lock.keyId() + " is closed");
        assertThatThrownBy(() -> lock.wrap(new byte[32], AAD)).isInstanceOf(RootLockException.class);
        lock.close(); // idempotent
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "r--r--r--", "rw----r--"})
    void refusesAKeyFileThatGroupOrOthersCanRead(String mode) throws Exception {
        Path file = newKeyFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        assertThatThrownBy(() -> KeyFileRootLock.open(file))
                .isInstanceOf(RootLockException.class)
                .hasMessage("root key file " + file + " is readable by group or others; chmod 600 it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw--w----", "rw-----w-", "rw---x---"})
    void refusesAKeyFileThatGroupOrOthersCanWrite(String mode) throws Exception {
        Path file = newKeyFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        assertThatThrownBy(() -> KeyFileRootLock.open(file))
                .hasMessage("root key file " + file + " is writable or executable by group or others; chmod 600 it");
    }

    @Test
    void acceptsOwnerReadOnly() throws Exception {
        Path file = newKeyFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        try (KeyFileRootLock lock = KeyFileRootLock.open(file)) {
            assertThat(lock.unwrap(lock.wrap(new byte[] {1}, AAD), AAD)).containsExactly(1);
        }
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("absent.key");
        assertThatThrownBy(() -> KeyFileRootLock.open(file))
                .isInstanceOf(RootLockException.class)
                .hasMessage("root key file " + file + " does not exist");
    }

    @Test
    void refusesADirectory() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        assertThatThrownBy(() -> KeyFileRootLock.open(sub))
                .hasMessage("root key file " + sub + " is not a regular file");
    }

    @Test
    void refusesFilesOfTheWrongSizeOrFormat() throws Exception {
        Path good = newKeyFile();
        String text = Files.readString(good, US_ASCII);
        String[] lines = text.split("\n");
        String idRule = "the second line must be 'key-id: ' and 16 lowercase hex digits";
        String keyRule = "the third line must be 'key: ' and 32 bytes in unpadded base64url";
        // A key whose last character has a non-zero unused bit: decodes, but not canonically.
        char last = lines[2].charAt(lines[2].length() - 1);
        String nonCanonical = lines[2].substring(0, lines[2].length() - 1)
                + (char) ("AEIMQUYcgkosw048".indexOf(last) >= 0 ? last + 1 : last - 1);

        assertBad("x".repeat(2000), "it is 2000 bytes, too large");
        assertBad("", "the first line must be keyward-root-key-v1");
        assertBad("keyward-root-key-v2\n" + lines[1] + "\n" + lines[2] + "\n", "the first line must be keyward-root-key-v1");
        assertBad(lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\n", "the first line must be keyward-root-key-v1");
        assertBad(lines[0] + "\n" + lines[1].toUpperCase() + "\n" + lines[2] + "\n", idRule);
        assertBad(lines[0] + "\nkey-id: abc\n" + lines[2] + "\n", idRule);
        assertBad(lines[0] + "\n" + lines[1] + "\n" + lines[2], "the third line must be 'key: ' and the key, ending in a newline");
        assertBad(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n\n", "it has content after the key line");
        assertBad(lines[0] + "\n" + lines[1] + "\n" + lines[2].substring(0, 40) + "\n", keyRule);
        assertBad(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "=\n", keyRule);
        assertBad(lines[0] + "\n" + lines[1] + "\n" + lines[2].replace("key: ", "kee: ") + "\n", keyRule);
        assertBad(lines[0] + "\n" + lines[1] + "\n" + "key: " + "+".repeat(43) + "\n", keyRule);
        assertBad(lines[0] + "\n" + lines[1] + "\n" + nonCanonical + "\n", keyRule);
    }

    private void assertBad(String contents, String why) throws Exception {
        Path file = dir.resolve("bad.key");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, contents, US_ASCII);
        assertThatThrownBy(() -> KeyFileRootLock.open(file))
                .as(why)
                .isInstanceOf(RootLockException.class)
                .hasMessage("root key file " + file + " is not a Keyward root key file: " + why);
    }
}
