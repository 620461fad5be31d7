package uk.xborder.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.testsupport.RunningGateway;

/** The data directory and what the gateway keeps in it are readable by the gateway's user only. */
@Timeout(120)
class DataDirectoryTest {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dir;

    @Test
    void aMissingDirectoryIsCreatedOwnerOnlyAtEveryLevelWithItsSubdirectories() throws Exception {
        Path data = dir.resolve("srv/gateway/data");

        DataDirectory.prepare(data, List.of("broker", "audit"));

        for (Path made : List.of(dir.resolve("srv"), dir.resolve("srv/gateway"), data, data.resolve("broker"),
                data.resolve("audit"))) {
            assertThat(permissions(made)).as(made.toString()).isEqualTo("rwx------");
        }
    }

    @Test
    void anExistingDirectoryOpenToOthersIsNarrowed() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path broker = Files.createDirectories(data.resolve("broker"));
        Files.setPosixFilePermissions(broker, PosixFilePermissions.fromString("rwxrwxrwx"));

        DataDirectory.prepare(data, List.of("broker"));

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(broker)).isEqualTo("rwx------");
    }

    @Test
    void whatOthersCouldReadInsideLosesGroupAndOtherPermissionsOnly() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path journal = Files.createDirectories(data.resolve("broker/journal"));
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(journal.resolve("activemq-data-1.amq"), "queued message");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path readOnly = Files.writeString(data.resolve("lock"), "");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r-----"));

        DataDirectory.narrowAll(data);

        assertThat(permissions(journal)).isEqualTo("rwx------");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(readOnly)).isEqualTo("r--------");
    }

    @Test
    void theGatewayCreatesItsDataDirectoryForItsUserOnly() throws Exception {
        Path data = dir.resolve("fresh/data");

        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.data-dir", data.toString()))) {
            assertThat(Files.list(data).map(p -> p.getFileName().toString()).toList()).contains("broker", "audit");
            try (Stream<Path> all = Files.walk(data)) {
                for (Path path : all.toList()) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    assertThat(permissions).as(path + " " + PosixFilePermissions.toString(permissions))
                            .doesNotContainAnyElementsOf(GROUP_OR_OTHER);
                    if (Files.isDirectory(path)) {
                        assertThat(PosixFilePermissions.toString(permissions)).as(path.toString())
                                .isEqualTo("rwx------");
                    }
                }
            }
            assertThat(permissions(dir.resolve("fresh"))).isEqualTo("rwx------");
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
