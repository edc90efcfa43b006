package io.keyward.crypto.h2c;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.testing.Vectors;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class P256HashToCurveTest {
    private final P256HashToCurve h2c = new P256HashToCurve(CustomNamedCurves.getByName("P-256").getCurve());

    private static JsonNode vectors() throws IOException {
        return new ObjectMapper().readTree(Vectors.file("h2c-P256_XMD_SHA-256_SSWU_RO_.json").toFile());
    }

    @Test
    void matchesRfc9380Vectors() throws IOException {
        JsonNode root = vectors();
        byte[] dst = root.get("dst").asText().getBytes(StandardCharsets.US_ASCII);
        BigInteger p = new BigInteger(root.get("field").get("p").asText().substring(2), 16);
        int count = 0;
        for (JsonNode v : root.get("vectors")) {
            byte[] msg = v.get("msg").asText().getBytes(StandardCharsets.US_ASCII);
            BigInteger[] u = HashToField.hashToField(XmdHash.SHA256, msg, dst, 2, p, 48);
            assertThat(u[0]).isEqualTo(hex(v.get("u").get(0)));
            assertThat(u[1]).isEqualTo(hex(v.get("u").get(1)));
            ECPoint point = h2c.hashToCurve(msg, dst);
            assertThat(point.getAffineXCoord().toBigInteger()).as("x for %s", v.get("msg")).isEqualTo(hex(v.get("P").get("x")));
            assertThat(point.getAffineYCoord().toBigInteger()).as("y for %s", v.get("msg")).isEqualTo(hex(v.get("P").get("y")));
            count++;
        }
        assertThat(count).isEqualTo(5);
    }

    @Test
    void aDifferentTagGivesADifferentPoint() throws IOException {
        JsonNode v = vectors().get("vectors").get(1);
        byte[] msg = v.get("msg").asText().getBytes(StandardCharsets.US_ASCII);
        ECPoint point = h2c.hashToCurve(msg, "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO-".getBytes(StandardCharsets.US_ASCII));
        assertThat(point.getAffineXCoord().toBigInteger()).isNotEqualTo(hex(v.get("P").get("x")));
    }

    private static BigInteger hex(JsonNode node) {
        return new BigInteger(node.asText().substring(2), 16);
    }
}
