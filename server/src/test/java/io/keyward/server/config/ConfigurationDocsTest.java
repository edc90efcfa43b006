package io.keyward.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every field and its environment variable. */
class ConfigurationDocsTest {
    @Test
    void everyFieldIsDocumented() throws IOException {
        Path docs = Path.of("..", "docs", "configuration.md");
        String text = Files.readString(docs);
        for (ConfigField field : ConfigField.values()) {
            assertThat(text).as(field.key()).contains("`" + field.key() + "`");
            for (String env : field.envNames()) {
                assertThat(text).as(env).contains(env);
            }
        }
    }
}
