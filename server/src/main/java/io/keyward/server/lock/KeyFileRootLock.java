package io.keyward.server.lock;

import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.envelope.KeyRef;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The root lock held in a local key file: a random AES-256 key that wraps with the
 * {@link Envelope} format under the key id {@code file:<id>}, version 1.
 *
 * <p>The file format (also in docs/formats.md) is three lines of US-ASCII, each ending in LF:
 *
 * <pre>
 * keyward-root-key-v1
 * key-id: 3f2a9c0e51b7d864
 * key: &lt;the 32-byte key in unpadded base64url, 43 characters&gt;
 * </pre>
 *
 * <p>The key id is 16 random lowercase hex digits chosen at creation; it is not derived from the
 * key, so it reveals nothing about it. The file must be mode 0600 (or stricter): a file that group
 * or others can access is refused, since anyone who reads it can unwrap every key of the node.
 *
 * <p>{@link #close()} overwrites the key bytes; wrap and unwrap then fail. (The JDK cipher copies
 * the key into its own key object per call; those copies are beyond this class's reach.)
 */
public final class KeyFileRootLock extends EnvelopeRootLock {
    static final String HEADER = "keyward-root-key-v1";
    static final String KEY_ID_PREFIX = "key-id: ";
    static final String KEY_PREFIX = "key: ";
    static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 8;
    private static final int KEY_VERSION = 1;
    /** The whole file is under 100 bytes; anything much larger is not a key file. */
    private static final int MAX_FILE_BYTES = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_READ =
            EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_ANY = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] key;
    private final Envelope.KeyHolder gcm;

    private KeyFileRootLock(String keyId, byte[] key) {
        super(new KeyRef("file:" + keyId, KEY_VERSION));
        this.key = key;
        this.gcm = Envelope.softwareGcm(key);
    }

    @Override
    Envelope.KeyHolder keyHolder() {
        return gcm;
    }

    /** Close waits for wraps and unwraps in flight (see the base class), so none runs with a zeroized key. */
    @Override
    void destroyKey() {
        Bytes.zeroize(key);
    }

    /**
     * Writes a new random root key to {@code file}, which is created with mode 0600 (no moment at
     * which it exists with wider permissions) and must not exist yet.
     *
     * @throws RootLockException when the file exists or cannot be written, with a one-line reason
     */
    public static void createKeyFile(Path file) {
        byte[] key = new byte[KEY_BYTES];
        byte[] keyId = new byte[KEY_ID_BYTES];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(keyId);
        byte[] encodedKey = Base64.getUrlEncoder().withoutPadding().encode(key);
        byte[] contents = Bytes.concat(
                ascii(HEADER + "\n" + KEY_ID_PREFIX + HexFormat.of().formatHex(keyId) + "\n" + KEY_PREFIX),
                encodedKey,
                ascii("\n"));
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buffer = ByteBuffer.wrap(contents);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (channel instanceof FileChannel fileChannel) {
                fileChannel.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new RootLockException("root key file " + file + " already exists; refusing to overwrite it");
        } catch (UnsupportedOperationException e) {
            throw new RootLockException("cannot create root key file " + file
                    + ": the file system does not support POSIX permissions");
        } catch (IOException e) {
            throw new RootLockException("cannot create root key file " + file + ": " + describe(e));
        } finally {
            Bytes.zeroize(key, encodedKey, contents);
        }
        syncDirectory(file);
    }

    /**
     * Reads the root key from {@code file}.
     *
     * @throws RootLockException when the file is missing, accessible by group or others, or not a
     *     root key file; the message is one line and names the file, never the key
     */
    public static KeyFileRootLock open(Path file) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new RootLockException("root key file " + file + " does not exist");
        } catch (UnsupportedOperationException e) {
            throw new RootLockException("cannot check root key file " + file
                    + ": the file system does not support POSIX permissions");
        } catch (IOException e) {
            throw new RootLockException("cannot read root key file " + file + ": " + describe(e));
        }
        if (!attributes.isRegularFile()) {
            throw new RootLockException("root key file " + file + " is not a regular file");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS_READ::contains)) {
            throw new RootLockException("root key file " + file + " is readable by group or others; chmod 600 it");
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS_ANY::contains)) {
            throw new RootLockException(
                    "root key file " + file + " is writable or executable by group or others; chmod 600 it");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw notAKeyFile(file, "it is " + attributes.size() + " bytes, too large");
        }
        byte[] contents;
        try {
            contents = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RootLockException("cannot read root key file " + file + ": " + describe(e));
        }
        try {
            return parse(file, contents);
        } finally {
            Bytes.zeroize(contents);
        }
    }

    private static KeyFileRootLock parse(Path file, byte[] contents) {
        if (contents.length > MAX_FILE_BYTES) {
            throw notAKeyFile(file, "it is too large");
        }
        int headerEnd = lineEnd(contents, 0);
        if (headerEnd < 0 || !HEADER.equals(ascii(contents, 0, headerEnd))) {
            throw notAKeyFile(file, "the first line must be " + HEADER);
        }
        int idStart = headerEnd + 1;
        int idEnd = lineEnd(contents, idStart);
        String idLine = idEnd < 0 ? "" : ascii(contents, idStart, idEnd);
        if (!idLine.startsWith(KEY_ID_PREFIX) || !idLine.substring(KEY_ID_PREFIX.length()).matches("[0-9a-f]{16}")) {
            throw notAKeyFile(file, "the second line must be '" + KEY_ID_PREFIX + "' and 16 lowercase hex digits");
        }
        int keyStart = idEnd + 1;
        int keyEnd = lineEnd(contents, keyStart);
        if (keyEnd < 0) {
            throw notAKeyFile(file, "the third line must be '" + KEY_PREFIX + "' and the key, ending in a newline");
        }
        if (keyEnd + 1 != contents.length) {
            throw notAKeyFile(file, "it has content after the key line");
        }
        byte[] keyLine = Arrays.copyOfRange(contents, keyStart, keyEnd);
        try {
            return new KeyFileRootLock(idLine.substring(KEY_ID_PREFIX.length()), decodeKeyLine(file, keyLine));
        } finally {
            Bytes.zeroize(keyLine);
        }
    }

    /** Decodes without ever making the key a String (which could not be zeroized). */
    private static byte[] decodeKeyLine(Path file, byte[] keyLine) {
        byte[] prefix = ascii(KEY_PREFIX);
        String wrongKey = "the third line must be '" + KEY_PREFIX + "' and " + KEY_BYTES
                + " bytes in unpadded base64url";
        if (keyLine.length != prefix.length + 43
                || !Arrays.equals(keyLine, 0, prefix.length, prefix, 0, prefix.length)) {
            throw notAKeyFile(file, wrongKey);
        }
        byte[] encoded = Arrays.copyOfRange(keyLine, prefix.length, keyLine.length);
        byte[] key = null;
        byte[] canonical = null;
        try {
            key = Base64.getUrlDecoder().decode(encoded);
            // One key, one spelling: the last character's unused bits must be zero.
            canonical = Base64.getUrlEncoder().withoutPadding().encode(key);
            if (key.length != KEY_BYTES || !Arrays.equals(canonical, encoded)) {
                throw notAKeyFile(file, wrongKey);
            }
            byte[] result = key;
            key = null;
            return result;
        } catch (IllegalArgumentException e) {
            throw notAKeyFile(file, wrongKey);
        } finally {
            Bytes.zeroize(encoded, key, canonical);
        }
    }

    /** For tests: the key array this lock holds, to check that close zeroized it. */
    byte[] keyMaterialForTest() {
        return key;
    }

    @Override
    public String toString() {
        return "KeyFileRootLock[" + keyId() + (isClosed() ? ", closed" : "") + "]";
    }

    private static RootLockException notAKeyFile(Path file, String why) {
        return new RootLockException("root key file " + file + " is not a Keyward root key file: " + why);
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    /** Makes the new directory entry durable too; best effort, as not every platform can open a directory. */
    private static void syncDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // The file itself was forced; a lost directory entry would show as a missing key file.
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

}
