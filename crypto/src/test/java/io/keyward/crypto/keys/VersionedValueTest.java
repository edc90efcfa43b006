package io.keyward.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionedValueTest {
    @Test
    void formatsAndParsesExactly() {
        VersionedValue value = new VersionedValue(3, new byte[] {(byte) 0xfb, (byte) 0xff, 0x01});
        assertThat(value.format()).isEqualTo("kw:v3:-_8B");
        assertThat(VersionedValue.parse("kw:v3:-_8B")).isEqualTo(value);
        assertThat(VersionedValue.parse("kw:v2147483647:").version()).isEqualTo(Integer.MAX_VALUE);
        assertThat(VersionedValue.parse("kw:v1:").bytes()).isEmpty();
        assertThat(value.toString()).isEqualTo("VersionedValue[v3, 3 bytes]");
    }

    @Test
    void refusesEverythingElseWithOneLine() {
        String[][] cases = {
                {"vault:v1:AAAA", "versioned value must start with \"kw:v\""},
                {"kw:v1", "versioned value must be kw:v<version>:<base64url>"},
                {"kw:v:AAAA", "versioned value has a malformed version number"},
                {"kw:v01:AAAA", "versioned value has a malformed version number"},
                {"kw:v0:AAAA", "versioned value has a malformed version number"},
                {"kw:v-1:AAAA", "versioned value has a malformed version number"},
                {"kw:v+1:AAAA", "versioned value has a malformed version number"},
                {"kw:v2147483648:AAAA", "versioned value has a version number out of range"},
                {"kw:v1:AA==", "versioned value payload must be unpadded base64url"},
                {"kw:v1:A+/A", "versioned value payload is not valid base64url"},
                {"kw:v1:AB", "versioned value payload is not canonical base64url"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> VersionedValue.parse(c[0])).as(c[0]).isInstanceOf(MalformedKeyDataException.class).hasMessage(c[1]);
        }
        assertThatThrownBy(() -> new VersionedValue(0, new byte[0])).isInstanceOf(MalformedKeyDataException.class);
    }
}
