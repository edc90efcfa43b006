package io.keyward.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMissingProfileIsEmptyAndASavedOneReadsBack() throws IOException {
        ProfileStore store = new ProfileStore(dir.resolve("home/.keyward"));
        assertThat(store.load()).isEqualTo(Profile.EMPTY);
        ServerAddress server = ServerAddress.parse("https://127.0.0.1:8443");
        Profile profile = Profile.EMPTY.withPin(server, "AB:CD").withAccount(server, "acme", "alice");
        store.save(profile);
        assertThat(store.load()).isEqualTo(profile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(Files.readString(store.file())).contains("\"user_id\" : \"alice\"").contains("\"pins\"");
        // Rewritten by rename: no temporary file stays behind.
        store.save(profile.withoutUser());
        try (Stream<Path> files = Files.list(store.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("profile.json");
        }
        assertThat(store.load().userId()).isNull();
        assertThat(store.load().pinFor(server)).isEqualTo("AB:CD");
    }

    @Test
    void aWiderDirectoryIsNarrowedOnWrite() throws IOException {
        Path home = dir.resolve("wide");
        Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        new ProfileStore(home).save(Profile.EMPTY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
    }

    @Test
    void aCorruptProfileIsOneLineThatSaysWhatToDo() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        Files.writeString(store.file(), "{\"server\": ");
        assertThatThrownBy(store::load).isInstanceOf(CliException.class)
                .hasMessageStartingWith("profile_invalid: the profile " + store.file() + " is not valid JSON")
                .hasMessageEndingWith("fix it or delete it (it holds only server, org, user and pinned fingerprints)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        Files.writeString(store.file(), "{\"server\":\"https://h:1\",\"org\":\"o\",\"user_id\":\"u\",\"pins\":{},\"later\":1}");
        assertThat(store.load()).isEqualTo(new Profile("https://h:1", "o", "u", Map.of()));
    }
}
