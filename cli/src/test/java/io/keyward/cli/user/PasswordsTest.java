package io.keyward.cli.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.cli.CliException;
import io.keyward.cli.profile.Environment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    private static Passwords stdin(String text) {
        return new Passwords(true, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void stdinGivesOneLinePerPasswordInOrder() {
        Passwords passwords = stdin("old pässword\r\nnew one\n");
        assertThat(passwords.read("current password", "KEYWARD_PASSWORD", false)).isEqualTo("old pässword".toCharArray());
        assertThat(passwords.read("new password", "KEYWARD_NEW_PASSWORD", true)).isEqualTo("new one".toCharArray());
        assertThatThrownBy(() -> passwords.read("third", "X", false)).isInstanceOf(CliException.class)
                .hasMessage("password_required: --password-stdin: no line for the third on standard input");
    }

    @Test
    void stdinWinsOverTheEnvironmentWhichWinsOverThePrompt() {
        try (Environment.Scope env = Environment.use(Map.of("KEYWARD_PASSWORD", "from env"))) {
            assertThat(stdin("from stdin\n").read("password", "KEYWARD_PASSWORD", false)).isEqualTo("from stdin".toCharArray());
            assertThat(new Passwords(false, InputStreamOf.EMPTY).read("password", "KEYWARD_PASSWORD", false))
                    .isEqualTo("from env".toCharArray());
        }
    }

    @Test
    void withoutAnySourceAndNoTerminalItSaysWhereAPasswordCanComeFrom() {
        try (Environment.Scope env = Environment.use(Map.of())) {
            assertThatThrownBy(() -> new Passwords(false, InputStreamOf.EMPTY).read("password for alice", "KEYWARD_PASSWORD", false))
                    .isInstanceOf(CliException.class)
                    .hasMessage("password_required: a password for alice is needed and there is no terminal to ask it on:"
                            + " use --password-stdin or set KEYWARD_PASSWORD");
        }
    }

    @Test
    void emptyAndInvalidPasswordsAreRefused() {
        assertThatThrownBy(() -> stdin("\n").read("password", "P", true)).isInstanceOf(CliException.class)
                .hasMessage("invalid_input: the password is empty");
        byte[] latin1 = {(byte) 0xE9, '\n'};
        assertThatThrownBy(() -> new Passwords(true, new ByteArrayInputStream(latin1)).read("password", "P", false))
                .hasMessage("invalid_input: --password-stdin: the password is not valid UTF-8");
        assertThatThrownBy(() -> stdin("x".repeat(Passwords.MAX_LENGTH + 1)).read("password", "P", false))
                .hasMessageContaining("longer than 4096 bytes");
    }

    private static final class InputStreamOf {
        static final ByteArrayInputStream EMPTY = new ByteArrayInputStream(new byte[0]);
    }
}
