package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Soft-fail revocation accepts a certificate whose issuer has no current CRL among those configured, where hard-fail
 * refuses it; neither ever accepts a certificate a CRL lists as revoked.
 */
class RevocationSoftFailTest {

    @Test
    void unknownStatusIsRefusedByHardFailAndAcceptedBySoftFail() throws Exception {
        // The UK root's end entities, checked against the EU root's CRL only: their status is unknown.
        CertificateValidator hard = CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca")))
                .crls(ExamplePki.crls("eu-root-ca")).build();
        CertificateValidator soft = CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca")))
                .crls(ExamplePki.crls("eu-root-ca")).softFailRevocation().build();

        assertThatThrownBy(() -> hard.validate(ExamplePki.certificate("nca"), List.of()))
                .isInstanceOf(CertificateUntrustedException.class).hasMessageContaining("Revocation status");
        assertThatCode(() -> soft.validate(ExamplePki.certificate("nca"), List.of())).doesNotThrowAnyException();
    }

    @Test
    void softFailStillRefusesARevokedCertificate() throws Exception {
        CertificateValidator soft = CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca")))
                .crls(ExamplePki.crls("uk-root-ca")).softFailRevocation().build();

        assertThatThrownBy(() -> soft.validate(ExamplePki.certificate("revoked"), List.of()))
                .isInstanceOf(CertificateRevokedException.class);
        assertThatCode(() -> soft.validate(ExamplePki.certificate("nca"), List.of())).doesNotThrowAnyException();
    }
}
