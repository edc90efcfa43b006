package io.keyward.crypto.kem;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.util.Bytes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;

/**
 * ML-KEM-768 (FIPS 203) through the JDK 25 {@code ML-KEM} provider.
 *
 * <p>A private key is held as its 64-byte seed {@code d || z} (the compact form FIPS 203 section
 * 7.1 and the IETF LAMPS key format recommend storing). JDK 25 imports only the expanded
 * decapsulation key, so the seed is expanded by BouncyCastle's ML-KEM.KeyGen_internal(d, z) and
 * handed to the JDK as PKCS#8; encapsulation and decapsulation are the JDK's. The Wycheproof tests
 * check that the expansion gives the published encapsulation key for every seed.
 */
public final class MlKem768 {
    public static final int SEED_LENGTH = 64;
    public static final int ENCAPSULATION_KEY_LENGTH = 1184;
    public static final int DECAPSULATION_KEY_LENGTH = 2400;
    public static final int CIPHERTEXT_LENGTH = 1088;
    public static final int SHARED_SECRET_LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();
    /** SubjectPublicKeyInfo header for id-alg-ml-kem-768 (2.16.840.1.101.3.4.4.2) and a 1184-byte key. */
    private static final byte[] SPKI_PREFIX = HEX.parseHex("308204b2300b0609608648016503040402038204a100");
    /** PKCS#8 header (expanded-key form, as JDK 25 reads and writes it) for a 2400-byte key. */
    private static final byte[] PKCS8_PREFIX = HEX.parseHex("30820978020100300b06096086480165030404020482096404820960");

    private MlKem768() {}

    /** A fresh key pair from a random seed. */
    public static PrivateKey generate(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        try {
            return PrivateKey.fromSeed(seed);
        } finally {
            Bytes.zeroize(seed);
        }
    }

    /** The result of encapsulation: send the ciphertext, keep the shared secret. */
    public record Encapsulation(byte[] sharedSecret, byte[] ciphertext) {
        @Override
        public String toString() {
            return "MlKem768.Encapsulation[shared secret hidden, ciphertext " + ciphertext.length + " bytes]";
        }
    }

    /** An encapsulation key (1184 bytes), checked by the JDK on import. */
    public static final class PublicKey {
        private final java.security.PublicKey key;

        private PublicKey(java.security.PublicKey key) {
            this.key = key;
        }

        public static PublicKey fromRaw(byte[] encapsulationKey) {
            if (encapsulationKey == null || encapsulationKey.length != ENCAPSULATION_KEY_LENGTH) {
                throw new InvalidKeyException("ML-KEM-768 public key must be " + ENCAPSULATION_KEY_LENGTH + " bytes");
            }
            try {
                java.security.PublicKey key = KeyFactory.getInstance("ML-KEM-768")
                        .generatePublic(new X509EncodedKeySpec(Bytes.concat(SPKI_PREFIX, encapsulationKey)));
                // The JDK runs FIPS 203's encapsulation key check (section 7.2, every coefficient
                // below q) when an encapsulator is made, not on import: run it now.
                KEM.getInstance("ML-KEM").newEncapsulator(key);
                return new PublicKey(key);
            } catch (java.security.InvalidKeyException e) {
                throw new InvalidKeyException("ML-KEM-768 public key fails the FIPS 203 modulus check");
            } catch (GeneralSecurityException e) {
                throw new InvalidKeyException("ML-KEM-768 public key was refused by the JDK provider");
            }
        }

        public byte[] raw() {
            byte[] spki = key.getEncoded();
            return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
        }

        /** The DER SubjectPublicKeyInfo (id-alg-ml-kem-768, the raw key as the bit string). */
        public byte[] spki() {
            return key.getEncoded();
        }

        public Encapsulation encapsulate(SecureRandom random) {
            try {
                KEM.Encapsulated encapsulated = KEM.getInstance("ML-KEM").newEncapsulator(key, random).encapsulate();
                return new Encapsulation(encapsulated.key().getEncoded(), encapsulated.encapsulation());
            } catch (GeneralSecurityException e) {
                throw new CryptoException("ML-KEM-768 encapsulation failed: " + e.getClass().getSimpleName());
            }
        }

        @Override
        public String toString() {
            return "MlKem768.PublicKey[" + HEX.formatHex(raw(), 0, 8) + "...]";
        }
    }

    /** A decapsulation key, kept with its seed. {@code toString()} never shows either. */
    public static final class PrivateKey {
        private final byte[] seed;
        private final java.security.PrivateKey key;
        private final PublicKey publicKey;

        private PrivateKey(byte[] seed, java.security.PrivateKey key, PublicKey publicKey) {
            this.seed = seed;
            this.key = key;
            this.publicKey = publicKey;
        }

        /** From the 64-byte seed {@code d || z} (FIPS 203 ML-KEM.KeyGen_internal). */
        public static PrivateKey fromSeed(byte[] seed) {
            if (seed == null || seed.length != SEED_LENGTH) {
                throw new InvalidKeyException("ML-KEM-768 private key seed must be " + SEED_LENGTH + " bytes");
            }
            MLKEMPrivateKeyParameters expanded = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768, seed.clone())
                    .withPreferredFormat(MLKEMPrivateKeyParameters.EXPANDED_KEY);
            byte[] decapsulationKey = expanded.getEncoded();
            byte[] pkcs8 = Bytes.concat(PKCS8_PREFIX, decapsulationKey);
            try {
                if (decapsulationKey.length != DECAPSULATION_KEY_LENGTH) {
                    throw new CryptoException("ML-KEM-768 key expansion produced an unexpected length");
                }
                java.security.PrivateKey key = KeyFactory.getInstance("ML-KEM-768").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return new PrivateKey(seed.clone(), key, PublicKey.fromRaw(expanded.getPublicKey()));
            } catch (GeneralSecurityException e) {
                throw new InvalidKeyException("ML-KEM-768 private key was refused by the JDK provider");
            } finally {
                Bytes.zeroize(decapsulationKey, pkcs8);
                expanded.destroy();
            }
        }

        /** The 64-byte seed; the caller owns (and should zeroize) the copy. */
        public byte[] seed() {
            return seed.clone();
        }

        public PublicKey publicKey() {
            return publicKey;
        }

        /**
         * The 32-byte shared secret. A well-formed ciphertext that was tampered with does not fail:
         * ML-KEM's implicit rejection returns a pseudorandom secret instead, so the mismatch shows
         * up when the secret is used (an AEAD tag then fails). Only a wrong length is refused here.
         */
        public byte[] decapsulate(byte[] ciphertext) {
            if (ciphertext == null || ciphertext.length != CIPHERTEXT_LENGTH) {
                throw new CryptoException("ML-KEM-768 ciphertext must be " + CIPHERTEXT_LENGTH + " bytes");
            }
            try {
                SecretKey secret = KEM.getInstance("ML-KEM").newDecapsulator(key).decapsulate(ciphertext);
                return secret.getEncoded();
            } catch (DecapsulateException e) {
                throw new CryptoException("ML-KEM-768 ciphertext was refused");
            } catch (GeneralSecurityException e) {
                throw new CryptoException("ML-KEM-768 decapsulation failed: " + e.getClass().getSimpleName());
            }
        }

        @Override
        public String toString() {
            return "MlKem768.PrivateKey[private key hidden]";
        }
    }
}
