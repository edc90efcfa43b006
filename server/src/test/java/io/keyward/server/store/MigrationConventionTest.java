package io.keyward.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the two migration histories in step, as docs/storage.md ("Migrations") asks. */
class MigrationConventionTest {
    private static final String NAME = "V(\\d+)__[a-z]+_[a-z0-9_]+\\.sql";

    @Test
    void bothKindsHaveTheSameMigrationsWithUniqueNumbersInTheirCapabilityRanges() throws Exception {
        List<String> sqlite = migrations("sqlite");
        List<String> postgresql = migrations("postgresql");

        assertThat(sqlite).isNotEmpty().isEqualTo(postgresql);
        assertThat(sqlite).allSatisfy(name -> assertThat(name).matches(NAME));
        List<Integer> numbers = sqlite.stream().map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                .sorted().toList();
        // Each capability takes numbers from its own range (docs/storage.md), so parallel branches never
        // collide; gaps between ranges are expected, a number used twice is not.
        assertThat(numbers).doesNotHaveDuplicates().startsWith(1);
    }

    private static List<String> migrations(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(MigrationConventionTest.class.getResource("/db/migration/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
