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
    void bothKindsHaveTheSameMigrationsWithUniqueNumbersInCapabilityBlocks() throws Exception {
        List<String> sqlite = migrations("sqlite");
        List<String> postgresql = migrations("postgresql");

        assertThat(sqlite).isNotEmpty().isEqualTo(postgresql);
        assertThat(sqlite).allSatisfy(name -> assertThat(name).matches(NAME));
        List<Integer> numbers = sqlite.stream().map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                .sorted().toList();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.getFirst()).isEqualTo(1);
        // Capabilities built in parallel own blocks of ten (accounts V2..V9, audit V10..V19, keystores
        // V20..V29, secrets V30..V39), so parallel branches never collide. A block is used from its
        // start without holes; a gap may only end at the start of a block (a multiple of 10).
        for (int i = 1; i < numbers.size(); i++) {
            int previous = numbers.get(i - 1);
            int current = numbers.get(i);
            assertThat(current == previous + 1 || (current > previous && current % 10 == 0))
                    .as("V%d follows V%d", current, previous).isTrue();
        }
    }

    private static List<String> migrations(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(MigrationConventionTest.class.getResource("/db/migration/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
