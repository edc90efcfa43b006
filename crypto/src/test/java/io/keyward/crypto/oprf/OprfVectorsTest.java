package io.keyward.crypto.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.ec.Group;
import io.keyward.crypto.testing.Vectors;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OprfVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static JsonNode baseModeVectors(OprfSuite suite) throws IOException {
        JsonNode all = new ObjectMapper().readTree(Vectors.file("oprf-rfc9497-allVectors.json").toFile());
        for (JsonNode entry : all) {
            if (entry.get("identifier").asText().equals(suite.identifier()) && entry.get("mode").asInt() == 0) {
                return entry;
            }
        }
        throw new AssertionError("no base-mode vectors for " + suite.identifier());
    }

    @ParameterizedTest
    @EnumSource(OprfSuite.class)
    void baseModeVectorsPass(OprfSuite suite) throws IOException {
        JsonNode entry = baseModeVectors(suite);
        Oprf oprf = Oprf.of(suite);
        Group group = oprf.group();
        OprfKeyPair keys = oprf.deriveKeyPair(HEX.parseHex(entry.get("seed").asText()), HEX.parseHex(entry.get("keyInfo").asText()));
        assertThat(HEX.formatHex(keys.privateKey().serialize())).isEqualTo(entry.get("skSm").asText());

        int count = 0;
        for (JsonNode v : entry.get("vectors")) {
            assertThat(v.get("Batch").asInt()).isEqualTo(1);
            byte[] input = HEX.parseHex(v.get("Input").asText());
            Group.Scalar blind = group.deserializeScalar(HEX.parseHex(v.get("Blind").asText()));
            BlindedInput blinded = oprf.blind(input, blind);
            assertThat(HEX.formatHex(blinded.blindedElement().serialize())).isEqualTo(v.get("BlindedElement").asText());

            // The server sees only bytes: go through deserialization as it would.
            Group.Element received = group.deserializeElement(blinded.blindedElement().serialize());
            Group.Element evaluated = oprf.blindEvaluate(keys.privateKey(), received);
            assertThat(HEX.formatHex(evaluated.serialize())).isEqualTo(v.get("EvaluationElement").asText());

            byte[] output = oprf.finalizeOutput(input, blind, group.deserializeElement(evaluated.serialize()));
            assertThat(HEX.formatHex(output)).isEqualTo(v.get("Output").asText());
            assertThat(oprf.evaluate(keys.privateKey(), input)).isEqualTo(output);
            count++;
        }
        assertThat(count).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(OprfSuite.class)
    void aTamperedEvaluationGivesAnotherOutput(OprfSuite suite) throws IOException {
        JsonNode entry = baseModeVectors(suite);
        JsonNode v = entry.get("vectors").get(0);
        Oprf oprf = Oprf.of(suite);
        Group group = oprf.group();
        byte[] input = HEX.parseHex(v.get("Input").asText());
        Group.Scalar blind = group.deserializeScalar(HEX.parseHex(v.get("Blind").asText()));
        // Evaluate with a different key (the server's answer altered): the output must not match.
        Group.Scalar wrongKey = group.randomScalar(new SecureRandom());
        Group.Element evaluated = oprf.blindEvaluate(wrongKey, oprf.blind(input, blind).blindedElement());
        assertThat(HEX.formatHex(oprf.finalizeOutput(input, blind, evaluated))).isNotEqualTo(v.get("Output").asText());
    }

    @Test
    void randomBlindsRoundTrip() {
        for (OprfSuite suite : OprfSuite.values()) {
            Oprf oprf = Oprf.of(suite);
            SecureRandom random = new SecureRandom();
            Group.Scalar sk = oprf.group().randomScalar(random);
            byte[] input = "correct horse".getBytes();
            BlindedInput blinded = oprf.blind(input, random);
            byte[] out = oprf.finalizeOutput(input, blinded.blind(), oprf.blindEvaluate(sk, blinded.blindedElement()));
            assertThat(out).hasSize(suite.hashLength()).isEqualTo(oprf.evaluate(sk, input));
            assertThat(blinded.toString()).doesNotContain(HEX.formatHex(blinded.blind().serialize()));
        }
    }

    @Test
    void aZeroBlindIsRefused() {
        for (OprfSuite suite : OprfSuite.values()) {
            Oprf oprf = Oprf.of(suite);
            Group.Scalar zero = oprf.group().deserializeScalar(new byte[oprf.group().scalarLength()]);
            assertThatThrownBy(() -> oprf.blind(new byte[] {1}, zero)).isInstanceOf(OprfException.class);
        }
    }
}
