package uk.xborder.gateway.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;

/**
 * Reads the partner directory (YAML) and refuses to start on anything doubtful: a duplicate id, an unknown format,
 * an unreadable certificate, a marking the tables do not know. Relative certificate paths are resolved against the
 * directory file's own folder, so the file and its certificates can move together.
 *
 * <p>Whether a partner's certificate is trustworthy is not decided here: a certificate that expires or is revoked
 * while the gateway runs must be caught at each use anyway, so that check lives with its uses
 * ({@code certificates.PartnerCertificates}), which also report every failing partner at start-up.
 */
public final class PartyDirectoryLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Long enough for a partner's gateway to process an envelope under load; short enough to notice one that is down. */
    static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofMinutes(2);
    static final int DEFAULT_RESEND_ATTEMPTS = 3;

    /**
     * The retry policy of a partner whose entry says nothing else, when the loader is not given the gateway's
     * (gateway.delivery.* in the settings, which the gateway passes): 6 attempts, 30 s to 10 min apart.
     */
    public static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(RetryPolicy.BackOff.PROGRESSIVE,
            Duration.ofSeconds(30), Duration.ofMinutes(10), 6, 0.2);

    private final Predicate<String> knownFormat;
    private final MarkingLevels markingLevels;
    private final RetryPolicy retryDefaults;

    /**
     * @param knownFormat   tells whether a format id is supported
     * @param markingLevels tells whether a level exists in a classification scheme
     */
    public PartyDirectoryLoader(Predicate<String> knownFormat, MarkingLevels markingLevels) {
        this(knownFormat, markingLevels, DEFAULT_RETRY);
    }

    /** @param retryDefaults the retry policy of partners whose entry has no {@code retry}, field by field */
    public PartyDirectoryLoader(Predicate<String> knownFormat, MarkingLevels markingLevels,
                                RetryPolicy retryDefaults) {
        this.knownFormat = knownFormat;
        this.markingLevels = markingLevels;
        this.retryDefaults = retryDefaults;
    }

    /** Whether a classification level exists; the marking tables answer it. */
    @FunctionalInterface
    public interface MarkingLevels {
        boolean isKnown(ClassificationScheme scheme, String level);
    }

    public PartyDirectory load(Path file) {
        DirectoryFile raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = YAML.readValue(in, DirectoryFile.class);
        } catch (IOException e) {
            throw new InvalidDirectoryException("cannot read partner directory " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        List<Agency> agencies = new ArrayList<>();
        Set<String> agencyIds = new HashSet<>();
        for (DirectoryFile.AgencyEntry entry : nonNull(raw.agencies())) {
            String id = required(entry.id(), "agency id");
            require(agencyIds.add(id), "agency '" + id + "' is listed twice");
            require(knownFormat.test(required(entry.format(), "format of agency " + id)),
                    "agency '" + id + "' uses unknown format '" + entry.format() + "'");
            String partyId = orDefault(entry.partyId(), id);
            require(agencies.stream().noneMatch(a -> a.partyId().equals(partyId)),
                    "agency '" + id + "' is addressed as '" + partyId + "', like another agency");
            agencies.add(new Agency(id, orDefault(entry.name(), id), entry.format(), partyId));
        }
        List<Partner> partners = new ArrayList<>();
        Set<String> partnerIds = new HashSet<>();
        Map<String, Path> crlFiles = new HashMap<>();
        for (DirectoryFile.PartnerEntry entry : nonNull(raw.partners())) {
            Partner partner = partner(entry, base, partnerIds);
            partners.add(partner);
            if (entry.crl() != null) {
                crlFiles.put(partner.id(), base.resolve(entry.crl()));
            }
        }
        require(!agencies.isEmpty(), "the partner directory names no agency");
        return new PartyDirectory(agencies, partners, crlFiles);
    }

    private Partner partner(DirectoryFile.PartnerEntry entry, Path base, Set<String> seen) {
        String id = required(entry.id(), "partner id");
        require(seen.add(id), "partner '" + id + "' is listed twice");
        String format = required(entry.format(), "format of partner " + id);
        require(knownFormat.test(format), "partner '" + id + "' uses unknown format '" + format + "'");
        DirectoryFile.MarkingEntry ceiling = entry.highestMarking();
        require(ceiling != null, "partner '" + id + "' has no highestMarking");
        ClassificationScheme scheme = enumValue(ClassificationScheme.class,
                required(ceiling.scheme(), "marking scheme of " + id), "partner '" + id + "'");
        require(markingLevels.isKnown(scheme, ceiling.level()),
                "partner '" + id + "' has unknown highest marking " + scheme + " " + ceiling.level());
        Map<GradingScheme, Set<String>> handling = new EnumMap<>(GradingScheme.class);
        if (entry.handlingPermitted() != null) {
            entry.handlingPermitted().forEach((k, v) -> handling.put(
                    enumValue(GradingScheme.class, k, "partner '" + id + "'"), new LinkedHashSet<>(v)));
        }
        String endpoint = required(entry.endpoint(), "endpoint of " + id);
        boolean https = endpoint.startsWith("https://");
        require(!https || entry.receipts() == null, "partner '" + id + "' is reached over HTTPS, where receipts "
                + "come back in the response; remove its 'receipts' endpoint");
        Optional<String> receipts = https ? Optional.empty()
                : Optional.of(orDefault(entry.receipts(), "jms:queue:gw.partner." + id + ".receipts"));
        int resends = entry.resendAttempts() == null ? DEFAULT_RESEND_ATTEMPTS : entry.resendAttempts();
        require(resends >= 0, "partner '" + id + "' has a negative resendAttempts");
        return new Partner(id, orDefault(entry.name(), id), required(entry.jurisdiction(), "jurisdiction of " + id),
                format, endpoint, receipts,
                certificate(base.resolve(required(entry.certificate(), "certificate of " + id)), id),
                entry.trustAnchor() == null ? List.of() : trustAnchors(base.resolve(entry.trustAnchor()), id),
                entry.crl() == null ? List.of() : crls(base.resolve(entry.crl()), id),
                duration(entry.receiptTimeout(), DEFAULT_RECEIPT_TIMEOUT, "receiptTimeout of partner '" + id + "'"),
                resends, retry(entry.retry(), id), new Marking(scheme, ceiling.level()), handling);
    }

    /** The partner's retry policy: its entry's fields over the gateway's defaults, checked as a whole. */
    private RetryPolicy retry(DirectoryFile.RetryEntry entry, String partnerId) {
        if (entry == null) {
            return retryDefaults;
        }
        String where = "partner '" + partnerId + "' retry.";
        RetryPolicy.BackOff backOff = null;
        if (entry.backOff() != null) {
            try {
                backOff = RetryPolicy.BackOff.named(entry.backOff());
            } catch (IllegalArgumentException e) {
                throw new InvalidDirectoryException(where + "backOff " + e.getMessage(), e);
            }
        }
        try {
            return retryDefaults.with(backOff,
                    entry.initialDelay() == null ? null : retryDuration(entry.initialDelay(), where + "initialDelay"),
                    entry.maxDelay() == null ? null : retryDuration(entry.maxDelay(), where + "maxDelay"),
                    entry.maxAttempts(), entry.jitter());
        } catch (RetryPolicy.InvalidRetryPolicyException e) {
            boolean defaulted = switch (e.field()) {
                case "maxDelay" -> entry.maxDelay() == null;
                case "initialDelay" -> entry.initialDelay() == null;
                default -> false;
            };
            throw new InvalidDirectoryException(where + e.getMessage()
                    + (defaulted ? " (" + e.field() + " is the gateway's default: give it for this partner too)"
                    : ""), e);
        }
    }

    private static Duration retryDuration(String value, String what) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidDirectoryException(what + " is not an ISO-8601 duration such as PT30S: '" + value + "'",
                    e);
        }
    }

    private static List<X509Certificate> trustAnchors(Path path, String partyId) {
        try {
            List<X509Certificate> anchors = Certificates.readCertificates(path);
            require(!anchors.isEmpty(), "the trust anchor file of partner '" + partyId + "' (" + path
                    + ") holds no certificate");
            return anchors;
        } catch (IOException | CertificateException e) {
            throw new InvalidDirectoryException("cannot read the trust anchor of partner '" + partyId + "' from "
                    + path + ": " + e.getMessage(), e);
        }
    }

    private static List<X509CRL> crls(Path path, String partyId) {
        try {
            return Certificates.readCrls(path);
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidDirectoryException("cannot read the revocation list of partner '" + partyId + "' from "
                    + path + ": " + e.getMessage(), e);
        }
    }

    private static Duration duration(String value, Duration fallback, String what) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value);
            require(!duration.isNegative() && !duration.isZero(), what + " must be positive");
            return duration;
        } catch (DateTimeParseException e) {
            throw new InvalidDirectoryException(what + " is not an ISO-8601 duration such as PT2M: '" + value + "'",
                    e);
        }
    }

    private static X509Certificate certificate(Path path, String partyId) {
        try (InputStream in = Files.newInputStream(path)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new InvalidDirectoryException(
                    "cannot read the certificate of partner '" + partyId + "' from " + path + ": " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidDirectoryException(where + " names unknown " + type.getSimpleName() + " '" + name
                    + "'; known: " + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String value, String what) {
        require(value != null && !value.isBlank(), "the partner directory is missing the " + what);
        return value;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new InvalidDirectoryException(problem, null);
        }
    }

    /** The file as written; validated into the domain records above. */
    record DirectoryFile(Integer version, List<AgencyEntry> agencies, List<PartnerEntry> partners) {
        record AgencyEntry(String id, String name, String format, String partyId) {
        }

        record PartnerEntry(String id, String name, String jurisdiction, String format, String endpoint,
                            String receipts, String certificate, String trustAnchor, String crl,
                            String receiptTimeout, Integer resendAttempts, RetryEntry retry,
                            MarkingEntry highestMarking, Map<String, List<String>> handlingPermitted) {
        }

        /** Any field left out is the gateway's default (gateway.delivery.*). */
        record RetryEntry(String backOff, String initialDelay, String maxDelay, Integer maxAttempts, Double jitter) {
        }

        record MarkingEntry(String scheme, String level) {
        }
    }
}
