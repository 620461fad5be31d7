package uk.xborder.gateway.certificates;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.crypto.CertificateExpiredException;
import uk.xborder.gateway.crypto.CertificatePurpose;
import uk.xborder.gateway.crypto.CertificateRevokedException;
import uk.xborder.gateway.crypto.CertificateUntrustedException;
import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsVerificationException;
import uk.xborder.gateway.crypto.CrlFiles;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Decides whether a partner's directory certificate may be used now: it chains to the partner's trust anchor, it and
 * its chain are within their validity at the clock's time, none is on its issuer's current CRL, and its key usage
 * allows the purpose. A partner whose directory entry names no trust anchor or CRL is judged against the gateway's
 * default ones ({@code gateway.partners.trust}, {@code gateway.partners.crls}).
 *
 * <p>Checked when the directory loads ({@link #reportAtStartUp()}: one log line per failing partner, and the gateway
 * starts anyway, because one partner's lapsed certificate must not stop exchanges with the others) and again before
 * each use ({@link #requireUsable}). Nothing is cached between uses: a check costs about what the encryption it
 * guards costs (one signature verification per certificate and CRL), and without a cache nothing can hide a
 * certificate that expired since the last message. Revocation lists are re-read when their files change
 * ({@link CrlFiles}), so a certificate revoked since is caught at its next use.
 *
 * <p>Thread-safe.
 */
public final class PartnerCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCertificates.class);

    /** Where the CRLs for one partner come from, read at each check. */
    @FunctionalInterface
    private interface RevocationSource {
        List<X509CRL> current() throws IOException, CRLException;
    }

    private final PartyDirectory directory;
    private final List<X509Certificate> defaultAnchors;
    private final RevocationSource defaultRevocation;
    private final Map<String, RevocationSource> revocation;
    private final Clock clock;

    private PartnerCertificates(PartyDirectory directory, List<X509Certificate> defaultAnchors,
                                RevocationSource defaultRevocation, Map<String, RevocationSource> revocation,
                                Clock clock) {
        this.directory = directory;
        this.defaultAnchors = defaultAnchors;
        this.defaultRevocation = defaultRevocation;
        this.revocation = revocation;
        this.clock = clock;
    }

    /**
     * The checker for the partners of this directory.
     *
     * @param defaultAnchors  trust anchors for partners whose entry names none; may be empty
     * @param defaultCrlFiles revocation lists for partners whose entry names none; may be empty
     * @throws IOException  a revocation list cannot be read now
     * @throws CRLException a revocation list is malformed
     */
    public static PartnerCertificates create(PartyDirectory directory, List<X509Certificate> defaultAnchors,
                                             List<Path> defaultCrlFiles, Clock clock)
            throws IOException, CRLException {
        Objects.requireNonNull(clock, "clock");
        CrlFiles defaults = CrlFiles.read(defaultCrlFiles);
        Map<String, RevocationSource> revocation = new HashMap<>();
        for (Partner partner : directory.partners()) {
            Optional<Path> file = directory.crlFile(partner.id());
            if (file.isPresent()) {
                revocation.put(partner.id(), CrlFiles.read(List.of(file.get()))::current);
            }
        }
        return new PartnerCertificates(directory, List.copyOf(defaultAnchors), defaults::current,
                Map.copyOf(revocation), clock);
    }

    /** The verdict on the partner's certificate for these purposes, now. Never throws for a bad certificate. */
    public CertificateVerdict check(Partner partner, Set<CertificatePurpose> purposes) {
        X509Certificate certificate = partner.certificate();
        try {
            validatorFor(partner).validate(certificate, List.of());
        } catch (CertificateExpiredException e) {
            return CertificateVerdict.refused(partner.id(), ReasonCode.PARTNER_CERTIFICATE_EXPIRED, sentence(e));
        } catch (CertificateRevokedException e) {
            return CertificateVerdict.refused(partner.id(), ReasonCode.PARTNER_CERTIFICATE_REVOKED, sentence(e));
        } catch (CertificateUntrustedException e) {
            return CertificateVerdict.refused(partner.id(), ReasonCode.PARTNER_CERTIFICATE_UNTRUSTED, sentence(e));
        } catch (CmsVerificationException e) {
            return CertificateVerdict.refused(partner.id(), ReasonCode.PARTNER_CERTIFICATE_INVALID, sentence(e));
        }
        for (CertificatePurpose purpose : CertificatePurpose.values()) {
            Optional<String> unfit = purposes.contains(purpose) ? purpose.unfitness(certificate) : Optional.empty();
            if (unfit.isPresent()) {
                return CertificateVerdict.refused(partner.id(), ReasonCode.PARTNER_CERTIFICATE_INVALID,
                        "Certificate " + Certificates.describeCertificate(certificate) + " is not fit for "
                                + purpose.label() + ": " + unfit.get() + ".");
            }
        }
        return CertificateVerdict.usable(partner.id());
    }

    /**
     * Returns quietly when the partner's certificate may be used for the purpose now.
     *
     * @throws MessageRejectedException with the verdict's {@code PARTNER_CERTIFICATE_*} code and sentence
     */
    public void requireUsable(Partner partner, CertificatePurpose purpose) {
        CertificateVerdict verdict = check(partner, EnumSet.of(purpose));
        if (!verdict.usable()) {
            throw verdict.toRejection();
        }
    }

    /**
     * Checks every partner of the directory for everything its certificate is used for (encryption to it, and its
     * signatures) and logs one line for each that fails, naming the partner, the reason code and the certificate's
     * subject and serial number. The gateway starts anyway: such a partner is refused at each use until its
     * certificate is replaced.
     *
     * @return the failing partners' verdicts
     */
    public List<CertificateVerdict> reportAtStartUp() {
        List<CertificateVerdict> failing = new ArrayList<>();
        for (Partner partner : directory.partners()) {
            CertificateVerdict verdict = check(partner, EnumSet.allOf(CertificatePurpose.class));
            if (!verdict.usable()) {
                failing.add(verdict);
                LOG.error("Partner '{}' is refused until its certificate is replaced ({}): {}", partner.id(),
                        verdict.refusal().orElseThrow(), verdict.explanation());
            }
        }
        return List.copyOf(failing);
    }

    /**
     * The validator for this partner's certificates now: its trust anchors and current revocation lists (or the
     * gateway's defaults) at the clock's time. For a partner's signatures, too.
     *
     * @throws CertificateUntrustedException no trust anchor is configured for the partner, or its revocation lists
     *     are missing or cannot be read, so no certificate of it can be trusted
     */
    public CertificateValidator validatorFor(Partner partner) throws CertificateUntrustedException {
        return validatorFor(partner, false);
    }

    /**
     * As {@link #validatorFor(Partner)}; with {@code softFailRevocation}, a certificate whose revocation status
     * cannot be established (no CRL configured, or none current from its issuer) is accepted rather than refused.
     * A certificate a CRL lists is refused either way.
     */
    public CertificateValidator validatorFor(Partner partner, boolean softFailRevocation)
            throws CertificateUntrustedException {
        List<X509Certificate> anchors = anchorsOf(partner);
        if (anchors.isEmpty()) {
            throw new CertificateUntrustedException("No trust anchor is configured for partner '" + partner.id()
                    + "' (its directory entry names none, and so does gateway.partners.trust)");
        }
        List<X509CRL> crls;
        try {
            crls = revocationFor(partner).current();
        } catch (IOException | CRLException e) {
            throw new CertificateUntrustedException("The revocation list for partner '" + partner.id()
                    + "' cannot be read (" + e.getMessage() + "), so the revocation status of its certificate is"
                    + " unknown", e);
        }
        CertificateValidator.Builder validator = CertificateValidator.builder().trustAnchors(anchors).clock(clock);
        if (crls.isEmpty() && softFailRevocation) {
            return validator.withoutRevocationChecking().build();
        }
        if (softFailRevocation) {
            validator.softFailRevocation();
        }
        if (crls.isEmpty()) {
            throw new CertificateUntrustedException("No revocation list is configured for partner '" + partner.id()
                    + "' (its directory entry names none, and so does gateway.partners.crls), so the revocation"
                    + " status of its certificate is unknown");
        }
        return validator.crls(crls).build();
    }

    /**
     * A validator trusting the anchors of every partner (each with its current CRLs), for a signature that must be
     * checked before it is known which partner it claims to come from; empty when no partner can be trusted. The
     * caller then checks the signer against the partner the signed content names, with {@link #validatorFor}.
     */
    public Optional<CertificateValidator> validatorForAnyPartner() {
        Set<X509Certificate> anchors = new LinkedHashSet<>();
        Set<X509CRL> crls = new LinkedHashSet<>();
        for (Partner partner : directory.partners()) {
            try {
                List<X509CRL> current = revocationFor(partner).current();
                if (!anchorsOf(partner).isEmpty() && !current.isEmpty()) {
                    anchors.addAll(anchorsOf(partner));
                    crls.addAll(current);
                }
            } catch (IOException | CRLException e) {
                // That partner cannot be trusted now; the others still can.
            }
        }
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CertificateValidator.builder().trustAnchors(List.copyOf(anchors))
                .crls(List.copyOf(crls)).clock(clock).build());
    }

    private List<X509Certificate> anchorsOf(Partner partner) {
        return partner.trustAnchors().isEmpty() ? defaultAnchors : partner.trustAnchors();
    }

    /** The partner's CRL file when the directory names one, else the CRLs it came with, else the defaults. */
    private RevocationSource revocationFor(Partner partner) {
        RevocationSource file = revocation.get(partner.id());
        if (file != null) {
            return file;
        }
        List<X509CRL> given = partner.crls();
        return given.isEmpty() ? defaultRevocation : () -> given;
    }

    private static String sentence(Exception e) {
        String message = e.getMessage();
        return message.endsWith(".") ? message : message + ".";
    }

    @Override
    public String toString() {
        return "PartnerCertificates[" + directory.partners().size() + " partners, " + defaultAnchors.size()
                + " default anchors]";
    }
}
