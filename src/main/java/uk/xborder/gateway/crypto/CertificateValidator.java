package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a certificate is trustworthy now: it chains to one of our trust anchors, every certificate on the
 * way is within its validity period at the clock's time, and (unless revocation checking was explicitly switched
 * off) none is on its issuer's CRL. The JDK's PKIX validator (RFC 5280) does the checking; this class builds the
 * path and turns the validator's verdict into one of the specific {@link CmsVerificationException}s.
 *
 * <p>Revocation uses only the CRLs given, never the network (no OCSP, no CRL download), so a result depends on
 * nothing but the inputs. A certificate whose issuer has no current CRL among them is refused: unknown revocation
 * status is not good enough for intelligence traffic.
 *
 * <p>Immutable and thread-safe. Used by {@link CmsSignatureVerifier} for signers; use it directly to check a
 * partner's certificate before encrypting to it.
 */
public final class CertificateValidator {

    /** Longest chain we follow: far above real PKIs, low enough to stop a crafted loop. */
    private static final int MAX_PATH_LENGTH = 8;

    private final Set<TrustAnchor> anchors;
    private final List<X509CRL> crls;
    private final boolean revocationChecking;
    private final boolean revocationSoftFail;
    private final Clock clock;

    private CertificateValidator(Set<TrustAnchor> anchors, List<X509CRL> crls, boolean revocationChecking,
                                 boolean revocationSoftFail, Clock clock) {
        this.anchors = anchors;
        this.crls = crls;
        this.revocationChecking = revocationChecking;
        this.revocationSoftFail = revocationSoftFail;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns normally if {@code certificate} is trustworthy at the clock's time.
     *
     * @param candidates certificates that may complete the path (for a signature: those it carries); self-signed
     *     ones among them are never trusted for being there, only trust anchors are
     * @throws CertificateUntrustedException no path to a trust anchor, or revocation status unknown
     * @throws CertificateExpiredException a certificate on the path is outside its validity period
     * @throws CertificateRevokedException a certificate on the path is revoked
     */
    public void validate(X509Certificate certificate, Collection<X509Certificate> candidates)
            throws CmsVerificationException {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(candidates, "candidates");
        List<X509Certificate> path = buildPath(certificate, candidates);
        try {
            CertPath certPath = Certificates.factory().generateCertPath(path);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            validator.validate(certPath, parameters(validator));
        } catch (CertPathValidatorException e) {
            throw translate(e, path);
        } catch (GeneralSecurityException e) {
            throw new CertificateUntrustedException("Could not validate the certificate path of "
                    + Certificates.describe(certificate) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The path from {@code certificate} towards a trust anchor, following issuer names and checking each
     * signature, over {@code candidates}. The anchor itself is not part of a PKIX path, and neither is a
     * self-signed root that came with the message.
     */
    private List<X509Certificate> buildPath(X509Certificate certificate, Collection<X509Certificate> candidates) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = certificate;
        path.add(current);
        while (path.size() < MAX_PATH_LENGTH && !issuedByAnchor(current) && !isSelfIssued(current)) {
            X509Certificate issuer = findIssuer(current, candidates);
            if (issuer == null || path.contains(issuer)) {
                break;
            }
            path.add(issuer);
            current = issuer;
        }
        if (path.size() > 1 && isSelfIssued(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private boolean issuedByAnchor(X509Certificate certificate) {
        for (TrustAnchor anchor : anchors) {
            if (anchor.getTrustedCert().getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static X509Certificate findIssuer(X509Certificate child, Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal()) && !candidate.equals(child)) {
                try {
                    child.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException | RuntimeException notThisOne) {
                    // same name, different key (e.g. a re-keyed CA): keep looking
                }
            }
        }
        return null;
    }

    private PKIXParameters parameters(CertPathValidator validator)
            throws InvalidAlgorithmParameterException, GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setDate(Date.from(clock.instant()));
        // The default mechanism is replaced by the explicitly configured checker below (or none at all).
        parameters.setRevocationEnabled(false);
        if (revocationChecking) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            // CRLs only, from the store above: no OCSP, and no fallback to anything else.
            EnumSet<PKIXRevocationChecker.Option> options = EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK);
            if (revocationSoftFail) {
                // Unknown status (no current CRL from the issuer) passes; a certificate listed as revoked never does.
                options.add(PKIXRevocationChecker.Option.SOFT_FAIL);
            }
            checker.setOptions(options);
            parameters.addCertPathChecker(checker);
        }
        return parameters;
    }

    private static CmsVerificationException translate(CertPathValidatorException e, List<X509Certificate> path) {
        int index = e.getIndex();
        X509Certificate failing = index >= 0 && index < path.size() ? path.get(index) : path.get(0);
        String who = Certificates.describe(failing);
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.EXPIRED) {
            return new CertificateExpiredException("Certificate " + who + " expired on "
                    + failing.getNotAfter().toInstant(), e);
        }
        if (reason == BasicReason.NOT_YET_VALID) {
            return new CertificateExpiredException("Certificate " + who + " is not valid until "
                    + failing.getNotBefore().toInstant(), e);
        }
        if (reason == BasicReason.REVOKED) {
            String detail = "";
            if (e.getCause() instanceof java.security.cert.CertificateRevokedException) {
                java.security.cert.CertificateRevokedException revoked =
                        (java.security.cert.CertificateRevokedException) e.getCause();
                detail = " on " + revoked.getRevocationDate().toInstant() + ", reason " + revoked.getRevocationReason();
            }
            return new CertificateRevokedException("Certificate " + who + " was revoked by its issuer" + detail, e);
        }
        if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new CertificateUntrustedException("Revocation status of certificate " + who
                    + " cannot be determined: no current CRL from its issuer '"
                    + failing.getIssuerX500Principal().getName() + "' is configured", e);
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return new CertificateUntrustedException("Certificate " + who + " does not chain to a trusted CA"
                    + " (issuer '" + path.get(path.size() - 1).getIssuerX500Principal().getName() + "')", e);
        }
        return new CertificateUntrustedException("Certificate path of " + Certificates.describe(path.get(0))
                + " is not valid (" + reason + "): " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "CertificateValidator[anchors=" + anchors.size() + ", crls=" + (revocationChecking ? crls.size() : "off")
                + (revocationSoftFail ? " soft-fail" : "") + "]";
    }

    /** Collects the trust anchors, the revocation decision and the clock. */
    public static final class Builder {

        private final Set<X509Certificate> anchors = new HashSet<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private Boolean revocationChecking;
        private boolean revocationSoftFail;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The CA certificates we trust; at least one. */
        public Builder trustAnchors(Collection<X509Certificate> caCertificates) {
            anchors.addAll(caCertificates);
            return this;
        }

        /** Checks revocation against these CRLs: a certificate whose issuer has no current CRL here is refused. */
        public Builder crls(Collection<X509CRL> issuerCrls) {
            if (issuerCrls.isEmpty()) {
                throw new IllegalArgumentException("No CRLs given; call withoutRevocationChecking() to mean that");
            }
            crls.addAll(issuerCrls);
            revocationChecking = true;
            return this;
        }

        /**
         * With {@link #crls}: a certificate whose revocation status cannot be determined (no current CRL from its
         * issuer among those given) is accepted instead of refused. A certificate a CRL lists is still refused.
         */
        public Builder softFailRevocation() {
            revocationSoftFail = true;
            return this;
        }

        /** Switches revocation checking off. Explicit, so that it is never off by accident. */
        public Builder withoutRevocationChecking() {
            crls.clear();
            revocationChecking = false;
            return this;
        }

        /** The clock that says what "now" is; the system clock (UTC) by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public CertificateValidator build() {
            if (anchors.isEmpty()) {
                throw new IllegalStateException("At least one trust anchor is required");
            }
            if (revocationChecking == null) {
                throw new IllegalStateException("Call crls(...) or withoutRevocationChecking(): revocation checking"
                        + " must be decided explicitly");
            }
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            for (X509Certificate anchor : anchors) {
                trustAnchors.add(new TrustAnchor(anchor, null));
            }
            return new CertificateValidator(Set.copyOf(trustAnchors), List.copyOf(crls), revocationChecking,
                    revocationChecking && revocationSoftFail, clock);
        }
    }
}
