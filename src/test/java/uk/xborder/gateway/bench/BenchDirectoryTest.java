package uk.xborder.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.testsupport.EmbeddedBrokers;
import uk.xborder.gateway.testsupport.RunningGateway;

/** The benchmark's copy of the shipped directory differs from it in the receipt timeout alone. */
class BenchDirectoryTest {

    @Test
    void everyPartnerWaitsADayForItsReceiptAndKeepsItsCertificate(@TempDir Path dir) throws Exception {
        Path project = RunningGateway.projectDirectory();
        PartyDirectory shipped = EmbeddedBrokers.directory(project.resolve("config/directory.yaml"));

        PartyDirectory bench = EmbeddedBrokers.directory(BenchDirectory.write(project, dir.resolve("directory.yaml")));

        assertThat(bench.partners()).hasSameSizeAs(shipped.partners());
        for (Partner partner : bench.partners()) {
            Partner original = shipped.partner(partner.id()).orElseThrow();
            assertThat(partner.receiptTimeout()).isEqualTo(Duration.ofHours(24));
            assertThat(partner.endpoint()).isEqualTo(original.endpoint());
            assertThat(partner.certificate()).isEqualTo(original.certificate());
            assertThat(partner.resendAttempts()).isEqualTo(original.resendAttempts());
        }
        assertThat(bench.agencies()).hasSameSizeAs(shipped.agencies());
    }
}
