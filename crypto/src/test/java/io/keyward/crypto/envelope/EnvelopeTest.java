package io.keyward.crypto.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyRef REF = new KeyRef("root:file:3f2a", 7);
    private static final byte[] AAD = "keystore ks-1 lock v1".getBytes(UTF_8);

    private final byte[] key = randomBytes(32);
    private final byte[] plaintext = randomBytes(32);

    @Test
    void roundTrips() {
        Envelope sealed = Envelope.seal(key, REF, plaintext, AAD);
        Envelope parsed = Envelope.parse(sealed.toBytes());

        assertThat(parsed.keyRef()).isEqualTo(REF);
        assertThat(parsed.toBytes()).isEqualTo(sealed.toBytes());
        assertThat(parsed.open(key, REF, AAD)).isEqualTo(plaintext);
    }

    @Test
    void matchesTheDocumentedLayout() {
        byte[] bytes = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        int n = REF.keyId().length();

        assertThat(bytes).hasSize(22 + n + plaintext.length + 16);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(bytes[1]).isEqualTo((byte) n);
        assertThat(new String(Bytes.slice(bytes, 2, n), UTF_8)).isEqualTo("root:file:3f2a");
        assertThat(Bytes.slice(bytes, 2 + n, 4)).containsExactly(0, 0, 0, 7);
        assertThat(Bytes.slice(bytes, 18 + n, 4)).isEqualTo(Bytes.i2osp(plaintext.length + 16, 4));

        // Decrypt with the bare primitive, as an independent reader of docs/formats.md would.
        byte[] nonce = Bytes.slice(bytes, 6 + n, 12);
        byte[] header = Bytes.slice(bytes, 0, 22 + n);
        byte[] ciphertext = Bytes.slice(bytes, 22 + n, bytes.length - 22 - n);
        assertThat(AesGcm.AES_256.open(key, nonce, ciphertext, Bytes.concat(header, AAD))).isEqualTo(plaintext);
    }

    /** A key held elsewhere (an HSM) produces the same bytes: one format, whoever computes GCM. */
    @Test
    void keyHolderSealsTheSameFormat() {
        Envelope.KeyHolder holder = new Envelope.KeyHolder() {
            @Override
            public byte[] seal(byte[] nonce, byte[] input, byte[] associatedData) {
                return AesGcm.AES_256.seal(key, nonce, input, associatedData);
            }

            @Override
            public byte[] open(byte[] nonce, byte[] input, byte[] associatedData) {
                return AesGcm.AES_256.open(key, nonce, input, associatedData);
            }
        };
        byte[] byHolder = Envelope.seal(holder, REF, plaintext, AAD).toBytes();
        assertThat(Envelope.parse(byHolder).open(key, REF, AAD)).isEqualTo(plaintext);
        byte[] byKey = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        assertThat(Envelope.parse(byKey).open(holder, REF, AAD)).isEqualTo(plaintext);
        assertThatThrownBy(() -> Envelope.parse(byKey).open(holder, REF, "other".getBytes(UTF_8)))
                .isInstanceOf(AuthenticationFailedException.class);
        Envelope.KeyHolder truncating = new Envelope.KeyHolder() {
            @Override
            public byte[] seal(byte[] nonce, byte[] input, byte[] associatedData) {
                return new byte[3];
            }

            @Override
            public byte[] open(byte[] nonce, byte[] input, byte[] associatedData) {
                return input;
            }
        };
        assertThatThrownBy(() -> Envelope.seal(truncating, REF, plaintext, AAD)).isInstanceOf(CryptoException.class);
    }

    @Test
    void usesAFreshNonceEachTime() {
        byte[] a = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        byte[] b = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        int n = REF.keyId().length();
        assertThat(Bytes.slice(a, 6 + n, 12)).isNotEqualTo(Bytes.slice(b, 6 + n, 12));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void refusesOtherAssociatedData() {
        Envelope sealed = Envelope.seal(key, REF, plaintext, AAD);
        assertThatThrownBy(() -> sealed.open(key, REF, "keystore ks-2 lock v1".getBytes(UTF_8)))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> sealed.open(key, REF, new byte[0])).isInstanceOf(CryptoException.class)
                .hasMessage("envelope associated data must name what the key belongs to");
    }

    @Test
    void swappedEnvelopesDoNotOpenForEachOther() {
        byte[] aadA = "keystore A".getBytes(UTF_8);
        byte[] aadB = "keystore B".getBytes(UTF_8);
        Envelope a = Envelope.seal(key, REF, plaintext, aadA);
        Envelope b = Envelope.seal(key, REF, randomBytes(32), aadB);
        assertThatThrownBy(() -> a.open(key, REF, aadB)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> b.open(key, REF, aadA)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesAWrongKey() {
        Envelope sealed = Envelope.seal(key, REF, plaintext, AAD);
        assertThatThrownBy(() -> sealed.open(randomBytes(32), REF, AAD))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesAnotherKeyIdOrVersionBeforeDecrypting() {
        Envelope sealed = Envelope.seal(key, REF, plaintext, AAD);
        assertThatThrownBy(() -> sealed.open(key, new KeyRef("root:file:0000", 7), AAD))
                .isInstanceOf(EnvelopeKeyMismatchException.class)
                .hasMessage("envelope is wrapped by key root:file:3f2a version 7, not by key root:file:0000 version 7");
        assertThatThrownBy(() -> sealed.open(key, new KeyRef("root:file:3f2a", 8), AAD))
                .isInstanceOf(EnvelopeKeyMismatchException.class)
                .satisfies(e -> assertThat(((EnvelopeKeyMismatchException) e).found()).isEqualTo(REF));
    }

    /** Flips every bit of every byte: each must be refused, whatever field it lands in. */
    @Test
    void everyTamperedBitIsRefused() {
        byte[] good = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                int at = i;
                assertThatThrownBy(() -> Envelope.parse(bad).open(key, REF, AAD))
                        .as("byte %d bit %d", at, bit)
                        .isInstanceOf(CryptoException.class);
            }
        }
    }

    @Test
    void eachHeaderFieldIsBoundEvenWhenTheReaderIsFooled() {
        // An attacker who rewrites the key version (and gets the reader to offer that version with
        // the same key material) still fails: the header is part of the GCM associated data.
        byte[] good = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        int n = REF.keyId().length();
        byte[] otherVersion = good.clone();
        otherVersion[2 + n + 3] = 8;
        assertThatThrownBy(() -> Envelope.parse(otherVersion).open(key, new KeyRef(REF.keyId(), 8), AAD))
                .isInstanceOf(AuthenticationFailedException.class);

        byte[] otherId = good.clone();
        otherId[2] = 'R';
        assertThatThrownBy(() -> Envelope.parse(otherId).open(key, new KeyRef("Root:file:3f2a", 7), AAD))
                .isInstanceOf(AuthenticationFailedException.class);

        byte[] otherNonce = good.clone();
        otherNonce[6 + n] ^= 1;
        assertThatThrownBy(() -> Envelope.parse(otherNonce).open(key, REF, AAD))
                .isInstanceOf(AuthenticationFailedException.class);

        byte[] otherTag = good.clone();
        otherTag[good.length - 1] ^= 1;
        assertThatThrownBy(() -> Envelope.parse(otherTag).open(key, REF, AAD))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesUnknownFormatVersion() {
        byte[] bytes = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        bytes[0] = 2;
        assertThatThrownBy(() -> Envelope.parse(bytes)).isInstanceOf(MalformedEnvelopeException.class)
                .hasMessage("malformed envelope: unsupported format version 2");
        bytes[0] = 0;
        assertThatThrownBy(() -> Envelope.parse(bytes)).hasMessage("malformed envelope: unsupported format version 0");
    }

    @Test
    void refusesEveryTruncation() {
        byte[] good = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> Envelope.parse(cut)).as("length %d", length)
                    .isInstanceOf(MalformedEnvelopeException.class)
                    .hasMessage("malformed envelope: truncated");
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] good = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        assertThatThrownBy(() -> Envelope.parse(Bytes.concat(good, new byte[1])))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessage("malformed envelope: trailing bytes after the ciphertext");
    }

    @Test
    void refusesBadFieldValues() {
        byte[] good = Envelope.seal(key, REF, plaintext, AAD).toBytes();
        int n = REF.keyId().length();

        byte[] emptyId = good.clone();
        emptyId[1] = 0;
        assertThatThrownBy(() -> Envelope.parse(emptyId)).hasMessage("malformed envelope: empty key id");

        byte[] controlCharInId = good.clone();
        controlCharInId[3] = '\n';
        assertThatThrownBy(() -> Envelope.parse(controlCharInId))
                .hasMessage("malformed envelope: key id is not printable ASCII");

        byte[] versionZero = good.clone();
        System.arraycopy(new byte[4], 0, versionZero, 2 + n, 4);
        assertThatThrownBy(() -> Envelope.parse(versionZero)).hasMessage("malformed envelope: key version out of range");

        byte[] versionHigh = good.clone();
        versionHigh[2 + n] = (byte) 0x80;
        assertThatThrownBy(() -> Envelope.parse(versionHigh)).hasMessage("malformed envelope: key version out of range");

        byte[] shortCiphertext = Bytes.concat(Bytes.slice(good, 0, 18 + n), Bytes.i2osp(15, 4), new byte[15]);
        assertThatThrownBy(() -> Envelope.parse(shortCiphertext))
                .hasMessage("malformed envelope: ciphertext shorter than the tag");

        assertThatThrownBy(() -> Envelope.parse(null)).hasMessage("malformed envelope: missing");
    }

    @Test
    void keyRefRefusesIdsThatCannotBeEncodedOrPrinted() {
        assertThatThrownBy(() -> new KeyRef("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRef("a b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRef("é", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRef("x".repeat(256), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRef("k", 0)).isInstanceOf(IllegalArgumentException.class);
        KeyRef longest = new KeyRef("x".repeat(255), Integer.MAX_VALUE);
        byte[] bytes = Envelope.seal(key, longest, plaintext, AAD).toBytes();
        assertThat(Envelope.parse(bytes).open(key, longest, AAD)).isEqualTo(plaintext);
    }

    @Test
    void sealsEmptyPlaintextAndRefusesWrongKeyLengths() {
        Envelope empty = Envelope.seal(key, REF, new byte[0], AAD);
        assertThat(Envelope.parse(empty.toBytes()).open(key, REF, AAD)).isEmpty();
        assertThatThrownBy(() -> Envelope.seal(new byte[16], REF, plaintext, AAD))
                .isInstanceOf(CryptoException.class).hasMessage("AES-256-GCM key must be 32 bytes");
    }

    @Test
    void toStringShowsNoBytes() {
        assertThat(Envelope.seal(key, REF, plaintext, AAD).toString())
                .isEqualTo("Envelope[root:file:3f2a version 7, 48 bytes of ciphertext]");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
