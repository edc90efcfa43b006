package io.keyward.crypto.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import org.junit.jupiter.api.Test;

class Base64UrlTest {
    @Test
    void roundTripsWithoutPadding() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01};
        assertThat(Base64Url.encode(bytes)).isEqualTo("-_8B");
        assertThat(Base64Url.decode("-_8B", "x")).containsExactly(bytes);
    }

    @Test
    void refusesPaddingStandardAlphabetAndNonCanonicalTails() {
        assertThatThrownBy(() -> Base64Url.decode("AQ==", "value")).isInstanceOf(CryptoException.class)
                .hasMessage("value must be unpadded base64url");
        assertThatThrownBy(() -> Base64Url.decode("+/8B", "value")).hasMessage("value is not valid base64url");
        // "AR" decodes to 0x01 but its canonical form is "AQ": two spellings must not mean one value.
        assertThatThrownBy(() -> Base64Url.decode("AR", "value")).hasMessage("value is not canonical base64url");
        assertThatThrownBy(() -> Base64Url.decode(null, "ke1")).hasMessage("ke1 is missing");
    }
}
