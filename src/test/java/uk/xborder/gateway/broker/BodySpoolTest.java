package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.testsupport.DirectoryListing;

/** The spool keeps bodies readable by the gateway's user only, no longer than allowed, and nothing across a start. */
class BodySpoolTest {

    @TempDir
    Path data;

    @Test
    void aSpooledBodyIsTheGatewaysUsersOnlyWithItsLengthAndDigest() throws Exception {
        BodySpool spool = BodySpool.under(data);
        byte[] body = "a body too large to read".getBytes(StandardCharsets.UTF_8);

        BodySpool.Spooled spooled = spool.write(body.length, out -> out.write(body));

        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(body);
        assertThat(spooled.length()).isEqualTo(body.length);
        assertThat(spooled.digest()).isEqualTo(Digests.sha256Hex(body));
        assertThat(spooled.cut()).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spooled.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("spool"))))
                .isEqualTo("rwx------");
        spool.delete(spooled.file());
        assertThat(DirectoryListing.of(data.resolve("spool"))).isEmpty();
    }

    @Test
    void aBodyLongerThanAllowedIsCutAtTheBoundAndSaysSo() throws Exception {
        BodySpool spool = BodySpool.under(data);

        BodySpool.Spooled spooled = spool.write(4, out -> out.write("longer than four".getBytes()));

        assertThat(spooled.cut()).isTrue();
        assertThat(Files.readString(spooled.file())).isEqualTo("long");
    }

    @Test
    void whatARunLeftInTheSpoolIsDeletedAtTheNextStart() throws Exception {
        BodySpool.Spooled left = BodySpool.under(data).write(3, out -> out.write(new byte[3]));

        BodySpool.under(data);

        assertThat(left.file()).doesNotExist();
    }

    @Test
    void aDeclaredLengthThatWouldTakeMoreThanHalfTheFreeSpaceIsNotSpooled() throws Exception {
        BodySpool spool = BodySpool.under(data);
        long free = Files.getFileStore(data).getUsableSpace();

        assertThat(spool.hasRoomFor(1024)).isTrue();
        assertThat(spool.hasRoomFor(free)).isFalse();
    }
}
