package io.keyward.crypto.opaque;

import io.keyward.crypto.ec.Group;
import io.keyward.crypto.oprf.Oprf;
import io.keyward.crypto.oprf.OprfSuite;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The OPAQUE-3DH configurations Keyward speaks (RFC 9807 section 7): the OPRF suite, its group
 * for the AKE, and HKDF/HMAC/hash over the suite's hash function. The KSF and the context are
 * chosen separately.
 */
public enum OpaqueSuite {
    RISTRETTO255_SHA512("ristretto255-sha512", 1, OprfSuite.RISTRETTO255_SHA512, 64),
    P256_SHA256("p256-sha256", 2, OprfSuite.P256_SHA256, 32);

    /** Nn: nonce length. */
    public static final int NONCE_LENGTH = 32;
    /** Nseed: length of the seeds key pairs are derived from. */
    public static final int SEED_LENGTH = 32;

    private final String id;
    private final int code;
    private final OprfSuite oprfSuite;
    private final int hashLength;
    private final Oprf oprf;

    OpaqueSuite(String id, int code, OprfSuite oprfSuite, int hashLength) {
        this.id = id;
        this.code = code;
        this.oprfSuite = oprfSuite;
        this.hashLength = hashLength;
        this.oprf = Oprf.of(oprfSuite);
    }

    /** The name used in Keyward's configuration and wire, e.g. {@code p256-sha256}. */
    public String id() {
        return id;
    }

    public static OpaqueSuite fromId(String id) {
        for (OpaqueSuite suite : values()) {
            if (suite.id.equals(id)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("unknown OPAQUE suite: " + id);
    }

    /** The one-byte tag that names this suite inside Keyward's serialized server-side values. */
    int code() {
        return code;
    }

    static OpaqueSuite fromCode(int code) {
        for (OpaqueSuite suite : values()) {
            if (suite.code == code) {
                return suite;
            }
        }
        throw new InvalidMessageException("unknown OPAQUE suite code " + code);
    }

    public OprfSuite oprfSuite() {
        return oprfSuite;
    }

    public Group group() {
        return oprf.group();
    }

    Oprf oprf() {
        return oprf;
    }

    /** Nh = Nm = Nx: hash, MAC and KDF output length. */
    public int hashLength() {
        return hashLength;
    }

    /** Npk = Noe: serialized public key / OPRF element length. */
    public int elementLength() {
        return group().elementLength();
    }

    /** Nsk = Nok: serialized private key / OPRF key length. */
    public int scalarLength() {
        return group().scalarLength();
    }

    /** Envelope length: Nn + Nm. */
    public int envelopeLength() {
        return NONCE_LENGTH + hashLength;
    }

    Digest newDigest() {
        return switch (this) {
            case RISTRETTO255_SHA512 -> new SHA512Digest();
            case P256_SHA256 -> new SHA256Digest();
        };
    }
}
