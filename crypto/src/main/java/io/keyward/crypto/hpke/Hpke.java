package io.keyward.crypto.hpke;

import io.keyward.crypto.kdf.HkdfSha256;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Single-shot HPKE (RFC 9180 section 6.1): {@code Seal} and {@code Open} with one message at
 * sequence number 0, for one suite (KEM, HKDF-SHA256, AEAD), in mode_base (anonymous sender) or
 * mode_auth (the sender proves possession of a static KEM private key). The PSK modes are not
 * offered. Every labeled HKDF call, the KEM and the key schedule follow sections 4, 4.1 and 5.1.
 */
public final class Hpke {
    /** kdf_id of HKDF-SHA256, the only KDF here. */
    public static final int KDF_HKDF_SHA256 = 0x0001;
    private static final byte[] VERSION_LABEL = ascii("HPKE-v1");

    private final HpkeKem kem;
    private final HpkeAead aead;
    private final byte[] suiteId;

    private Hpke(HpkeKem kem, HpkeAead aead) {
        this.kem = kem;
        this.aead = aead;
        this.suiteId = Bytes.concat(ascii("HPKE"), Bytes.i2osp(kem.id(), 2), Bytes.i2osp(KDF_HKDF_SHA256, 2),
                Bytes.i2osp(aead.id(), 2));
    }

    public static Hpke of(HpkeKem kem, HpkeAead aead) {
        return new Hpke(kem, aead);
    }

    public HpkeKem kem() {
        return kem;
    }

    public HpkeAead aead() {
        return aead;
    }

    /** mode_base (0x00) or mode_auth (0x02). */
    public enum Mode {
        BASE(0x00), AUTH(0x02);

        private final int id;

        Mode(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }
    }

    /** The encapsulated key (Nenc bytes) and the AEAD ciphertext with its tag. */
    public record Sealed(byte[] enc, byte[] ciphertext) {
        public Sealed {
            enc = enc.clone();
            ciphertext = ciphertext.clone();
        }

        @Override
        public byte[] enc() {
            return enc.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }
    }

    /** SealBase(pkR, info, aad, pt). */
    public Sealed sealBase(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext, SecureRandom random) {
        byte[] ephemeral = kem.generatePrivateKey(random);
        try {
            return seal(Mode.BASE, recipientPublicKey, null, ephemeral, info, aad, plaintext);
        } finally {
            Bytes.zeroize(ephemeral);
        }
    }

    /** SealAuth(pkR, info, aad, pt, skS). */
    public Sealed sealAuth(byte[] recipientPublicKey, byte[] senderPrivateKey, byte[] info, byte[] aad, byte[] plaintext,
            SecureRandom random) {
        byte[] ephemeral = kem.generatePrivateKey(random);
        try {
            return seal(Mode.AUTH, recipientPublicKey, senderPrivateKey, ephemeral, info, aad, plaintext);
        } finally {
            Bytes.zeroize(ephemeral);
        }
    }

    /** OpenBase(enc, skR, info, aad, ct); a wrong key, enc, info, aad or ciphertext fails authentication. */
    public byte[] openBase(byte[] enc, byte[] recipientPrivateKey, byte[] info, byte[] aad, byte[] ciphertext) {
        return open(Mode.BASE, enc, recipientPrivateKey, null, info, aad, ciphertext);
    }

    /** OpenAuth(enc, skR, info, aad, ct, pkS). */
    public byte[] openAuth(byte[] enc, byte[] recipientPrivateKey, byte[] senderPublicKey, byte[] info, byte[] aad,
            byte[] ciphertext) {
        if (senderPublicKey == null) {
            throw new HpkeException("HPKE auth mode needs the sender's public key");
        }
        return open(Mode.AUTH, enc, recipientPrivateKey, senderPublicKey, info, aad, ciphertext);
    }

    /** Seal with a given ephemeral key (skE): the deterministic core, for the RFC's vectors. */
    Sealed seal(Mode mode, byte[] pkR, byte[] skS, byte[] skE, byte[] info, byte[] aad, byte[] plaintext) {
        kem.checkPublic(pkR);
        byte[] enc = kem.publicKeyOf(skE);
        byte[] dh = mode == Mode.AUTH ? Bytes.concat(kem.dh(skE, pkR), kem.dh(skS, pkR)) : kem.dh(skE, pkR);
        byte[] kemContext = mode == Mode.AUTH ? Bytes.concat(enc, pkR, kem.publicKeyOf(skS)) : Bytes.concat(enc, pkR);
        byte[] sharedSecret = extractAndExpand(dh, kemContext);
        byte[][] keyAndNonce = keySchedule(mode, sharedSecret, info);
        try {
            return new Sealed(enc, aead.aead().seal(keyAndNonce[0], keyAndNonce[1], plaintext, orEmpty(aad)));
        } finally {
            Bytes.zeroize(dh, sharedSecret, keyAndNonce[0]);
        }
    }

    private byte[] open(Mode mode, byte[] enc, byte[] skR, byte[] pkS, byte[] info, byte[] aad, byte[] ciphertext) {
        kem.checkPublic(enc);
        byte[] pkR = kem.publicKeyOf(skR);
        byte[] dh = mode == Mode.AUTH ? Bytes.concat(kem.dh(skR, enc), kem.dh(skR, pkS)) : kem.dh(skR, enc);
        byte[] kemContext = mode == Mode.AUTH ? Bytes.concat(enc, pkR, pkS) : Bytes.concat(enc, pkR);
        byte[] sharedSecret = extractAndExpand(dh, kemContext);
        byte[][] keyAndNonce = keySchedule(mode, sharedSecret, info);
        try {
            return aead.aead().open(keyAndNonce[0], keyAndNonce[1], ciphertext, orEmpty(aad));
        } finally {
            Bytes.zeroize(dh, sharedSecret, keyAndNonce[0]);
        }
    }

    /** DHKEM's ExtractAndExpand (section 4.1), under the KEM's own suite_id; Nsecret = 32. */
    private byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
        byte[] kemSuite = kem.suiteId();
        byte[] eaePrk = labeledExtract(kemSuite, new byte[0], "eae_prk", dh);
        try {
            return labeledExpand(kemSuite, eaePrk, "shared_secret", kemContext, 32);
        } finally {
            Bytes.zeroize(eaePrk);
        }
    }

    /** KeySchedule (section 5.1) with the default empty psk and psk_id: returns {key, base_nonce}. */
    private byte[][] keySchedule(Mode mode, byte[] sharedSecret, byte[] info) {
        byte[] pskIdHash = labeledExtract(suiteId, new byte[0], "psk_id_hash", new byte[0]);
        byte[] infoHash = labeledExtract(suiteId, new byte[0], "info_hash", orEmpty(info));
        byte[] context = Bytes.concat(new byte[] {(byte) mode.id()}, pskIdHash, infoHash);
        byte[] secret = labeledExtract(suiteId, sharedSecret, "secret", new byte[0]);
        try {
            byte[] key = labeledExpand(suiteId, secret, "key", context, aead.aead().keyLength());
            byte[] baseNonce = labeledExpand(suiteId, secret, "base_nonce", context, aead.aead().nonceLength());
            return new byte[][] {key, baseNonce};
        } finally {
            Bytes.zeroize(secret);
        }
    }

    private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) {
        return HkdfSha256.extract(salt, Bytes.concat(VERSION_LABEL, suite, ascii(label), ikm));
    }

    private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length) {
        byte[] labeledInfo = Bytes.concat(Bytes.i2osp(length, 2), VERSION_LABEL, suite, ascii(label), info);
        return HkdfSha256.expand(prk, labeledInfo, length);
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "HPKE[" + kem + ", HKDF-SHA256, " + aead + "]";
    }

}
