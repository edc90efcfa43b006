package io.keyward.crypto.sig;

import io.keyward.crypto.ec.EcCurve;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

/**
 * Strict codecs for ECDSA (r, s). Decoding accepts exactly one byte string per signature: DER
 * only (no BER, no extra leading zeros, no trailing bytes) or exactly 2 * 32 bytes, and r, s in
 * [1, n-1]. Signature malleability through encoding is thereby closed.
 */
final class EcdsaSignatures {
    private EcdsaSignatures() {}

    record Rs(BigInteger r, BigInteger s) {}

    static Rs decode(EcCurve curve, EcdsaEncoding encoding, byte[] signature) {
        Rs rs = encoding == EcdsaEncoding.DER ? decodeDer(signature) : decodeP1363(curve, signature);
        BigInteger n = curve.order();
        if (rs.r().signum() <= 0 || rs.r().compareTo(n) >= 0 || rs.s().signum() <= 0 || rs.s().compareTo(n) >= 0) {
            throw new InvalidSignatureException("ECDSA signature values are out of range");
        }
        return rs;
    }

    static byte[] encode(EcCurve curve, EcdsaEncoding encoding, BigInteger r, BigInteger s) {
        if (encoding == EcdsaEncoding.IEEE_P1363) {
            int width = curve.fieldLength();
            byte[] out = new byte[2 * width];
            BigIntegers.asUnsignedByteArray(r, out, 0, width);
            BigIntegers.asUnsignedByteArray(s, out, width, width);
            return out;
        }
        try {
            ASN1EncodableVector v = new ASN1EncodableVector(2);
            v.add(new ASN1Integer(r));
            v.add(new ASN1Integer(s));
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
        }
    }

    private static Rs decodeDer(byte[] signature) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(signature);
            if (primitive instanceof ASN1Sequence sequence && sequence.size() == 2
                    && sequence.getObjectAt(0) instanceof ASN1Integer r
                    && sequence.getObjectAt(1) instanceof ASN1Integer s
                    && Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), signature)) {
                return new Rs(r.getValue(), s.getValue());
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle throws IOException or assorted runtime exceptions on malformed ASN.1.
        }
        throw new InvalidSignatureException("ECDSA signature is not canonical DER");
    }

    private static Rs decodeP1363(EcCurve curve, byte[] signature) {
        int width = curve.fieldLength();
        if (signature.length != 2 * width) {
            throw new InvalidSignatureException("ECDSA signature must be " + 2 * width + " bytes");
        }
        return new Rs(new BigInteger(1, Arrays.copyOfRange(signature, 0, width)),
                new BigInteger(1, Arrays.copyOfRange(signature, width, 2 * width)));
    }
}
