package io.keyward.crypto.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import org.junit.jupiter.api.Test;

/** The runner itself must fail when a wrapper gets the rules wrong. */
class WycheproofTest {
    /** Loaded outside the assertions, so absent vectors skip the test instead of failing it. */
    private static Wycheproof hmac() {
        return Wycheproof.load("hmac_sha256_test.json").withoutSummary();
    }

    @Test
    void aCheckThatAcceptsEverythingFails() {
        Wycheproof suite = hmac();
        assertThatThrownBy(() -> suite.run(c -> Outcome.accepted()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("invalid test was accepted");
    }

    @Test
    void aCheckThatRejectsEverythingFails() {
        Wycheproof suite = hmac();
        assertThatThrownBy(() -> suite.run(c -> {
            throw new CryptoException("no");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("valid test was rejected");
    }

    @Test
    void aLeakedLibraryExceptionFails() {
        Wycheproof suite = hmac();
        assertThatThrownBy(() -> suite.run(c -> {
            throw new IllegalArgumentException("deep inside a library");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("leaked java.lang.IllegalArgumentException");
    }

    @Test
    void aWrongOutputFails() {
        Wycheproof suite = hmac();
        assertThatThrownBy(() -> suite
                .run(c -> Outcome.expectEqual("tag", new byte[] {1}, c.bytes("tag"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("tag mismatch");
    }
}
