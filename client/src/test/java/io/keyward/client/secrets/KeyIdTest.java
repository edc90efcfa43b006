package io.keyward.client.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyIdTest {
    @Test
    void keyIdsNeverStartLikeACommandLineOptionAndDoNotRepeat() {
        // One id in 32 would start with '-' or '_' if drawn plainly; 5000 draws all but guarantee a test of it.
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String id = SecretStorage.newKeyId();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9][A-Za-z0-9_-]{21}");
            assertThat(seen.add(id)).isTrue();
        }
    }
}
