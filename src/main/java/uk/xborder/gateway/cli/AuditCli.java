package uk.xborder.gateway.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import uk.xborder.gateway.GatewayIdentity;
import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.evidence.BundleVerificationException;
import uk.xborder.gateway.audit.evidence.BundleVerifier;
import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.log.Page;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;
import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * The auditor's command line.
 *
 * <pre>
 *   verify BUNDLE --trust CA.pem [--crl CRL.pem]         check an evidence bundle offline: no database, no network
 *   verify-live --justification TEXT                     check the whole live log against its signed checkpoints
 *   search [criteria] --justification TEXT               entries matching the criteria, as JSON lines
 *   trail EXCHANGE_ID --justification TEXT                every entry of one exchange, in order
 *   export --out FILE [criteria] --justification TEXT    write an evidence bundle for the matching entries
 *   proof SEQ [--tree-size N] --justification TEXT       inclusion proof of one entry against a signed checkpoint
 *
 *   criteria: --message-id --exchange-id --case-reference --agency --partner --operation --outcome --marking
 *             --from --to (ISO-8601 instants) --offset --limit
 * </pre>
 * Every command that reads the live log records the reading in the log itself, as a consultation by the operating-
 * system user with the justification given; a reading without a justification is refused. Exit codes: 0 success,
 * 1 verification failed or nothing found, 2 bad usage.
 */
public final class AuditCli {

    private static final String ACTOR_PREFIX = "cli:";

    private final PrintStream out;
    private final GatewaySettings settings;

    AuditCli(PrintStream out, GatewaySettings settings) {
        this.out = out;
        this.settings = settings;
    }

    public static void main(String[] args) {
        System.exit(new AuditCli(System.out, new GatewaySettings()).run(args));
    }

    int run(String... args) {
        if (args.length == 0) {
            return usage("no command given");
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            return switch (arguments.command()) {
                case "verify" -> verifyBundle(arguments);
                case "verify-live", "search", "trail", "export", "proof" -> withLog(arguments);
                default -> usage("unknown command '" + arguments.command() + "'");
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (Exception e) {
            // A person reads this: the cause in a sentence, no stack trace.
            out.println("error: " + e.getMessage());
            return 2;
        }
    }

    private int verifyBundle(Arguments arguments) throws Exception {
        Path bundle = Path.of(arguments.positional(0, "BUNDLE"));
        List<X509Certificate> anchors = new ArrayList<>();
        for (String trust : arguments.all("--trust")) {
            anchors.addAll(Certificates.readCertificates(Path.of(trust)));
        }
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("give the trusted root certificate(s) with --trust");
        }
        List<X509CRL> crls = new ArrayList<>();
        for (String crl : arguments.all("--crl")) {
            crls.addAll(Certificates.readCrls(Path.of(crl)));
        }
        try {
            VerificationReport report = BundleVerifier.trusting(anchors, crls).verify(Files.readAllBytes(bundle));
            out.println("VERIFIED " + bundle + ": " + report.summary());
            if (crls.isEmpty()) {
                out.println("note: no CRL given, so the audit key's revocation was not checked");
            }
            return 0;
        } catch (BundleVerificationException e) {
            out.println("NOT VERIFIED " + bundle + ": " + e.code() + ": " + e.getMessage());
            return 1;
        }
    }

    private int withLog(Arguments arguments) throws Exception {
        String justification = arguments.one("--justification");
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("say why you are reading the audit log with --justification");
        }
        SigningIdentity auditKey = auditIdentity();
        Path dataDir = Path.of(settings.getOrEmpty("gateway.data-dir"));
        AuditStoreSettings storeSettings = AuditStoreSettings.fromProperties(settings::get, dataDir);
        try (JdbcAuditLog log = AuditStoreFactory.open(storeSettings, CheckpointSigner.create(auditKey),
                new SimpleMeterRegistry())) {
            String step = "CLI_" + arguments.command().toUpperCase().replace('-', '_');
            // The reading is on the record before anything is shown.
            log.record(consultation(step, justification, arguments.criteriaText()));
            return switch (arguments.command()) {
                case "verify-live" -> verifyLive(log, auditKey);
                case "search" -> search(log, arguments);
                case "trail" -> trail(log, arguments.positional(0, "EXCHANGE_ID"));
                case "export" -> export(log, auditKey, arguments);
                case "proof" -> proof(log, arguments);
                default -> throw new IllegalStateException(arguments.command());
            };
        }
    }

    private int verifyLive(JdbcAuditLog log, SigningIdentity auditKey) throws Exception {
        CheckpointVerifier checkpoints = CheckpointVerifier.create(auditKey.certificate(), auditKey.chain(),
                trustValidator());
        VerificationReport report = new LogVerifier(log, checkpoints).verify();
        out.println((report.ok() ? "VERIFIED live log: " : "NOT VERIFIED live log: ") + report.summary());
        return report.ok() ? 0 : 1;
    }

    private int search(JdbcAuditLog log, Arguments arguments) {
        Page<LogEntry> page = log.search(arguments.query());
        page.items().forEach(this::print);
        out.println("# " + page.items().size() + " of " + page.total() + " matching entries (offset "
                + page.offset() + ")");
        return page.total() == 0 ? 1 : 0;
    }

    private int trail(JdbcAuditLog log, String exchangeId) {
        List<LogEntry> trail = log.trail(exchangeId);
        trail.forEach(this::print);
        if (trail.isEmpty()) {
            out.println("# no entries for exchange " + exchangeId);
            return 1;
        }
        return 0;
    }

    private int export(JdbcAuditLog log, SigningIdentity auditKey, Arguments arguments) throws Exception {
        Path file = Path.of(arguments.required("--out"));
        byte[] bundle = new EvidenceExporter(log, auditKey.certificateAndChain().toArray(X509Certificate[]::new))
                .export(arguments.query());
        Files.write(file, bundle);
        out.println("wrote evidence bundle " + file + " (" + bundle.length + " bytes)");
        return 0;
    }

    private int proof(JdbcAuditLog log, Arguments arguments) {
        long seq = arguments.positionalLong(0, "SEQ");
        log.checkpoint();
        long treeSize = arguments.one("--tree-size") != null ? Long.parseLong(arguments.one("--tree-size"))
                : log.checkpoints().get(log.checkpoints().size() - 1).checkpoint().treeSize();
        InclusionProof proof = log.inclusionProof(seq, treeSize);
        out.println("{\"seq\":" + proof.leafIndex() + ",\"treeSize\":" + proof.treeSize() + ",\"path\":["
                + String.join(",", proof.path().stream()
                        .map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"").toList()) + "]}");
        return 0;
    }

    private void print(LogEntry entry) {
        out.println(new String(EntryCodec.canonical(entry), StandardCharsets.UTF_8));
    }

    private AuditEvent consultation(String step, String justification, String criteria) {
        String user = System.getProperty("user.name", "unknown");
        return new AuditEvent("consultation/" + UUID.randomUUID(), Instant.now(), "consultation", null, null,
                List.of(), step, AuditOperation.CONSULTATION, AuditOutcome.SUCCESS, null,
                "Read through the command line: " + criteria, ACTOR_PREFIX + user, null, List.of(), null, null,
                null, justification, null);
    }

    private SigningIdentity auditIdentity() throws Exception {
        return GatewayIdentity.load(settings.getOrEmpty("gateway.audit.identity.certificate"),
                settings.getOrEmpty("gateway.audit.identity.key"), settings.getOrEmpty("gateway.audit.identity.pkcs12"),
                settings.getOrEmpty("gateway.audit.identity.password-env"),
                settings.getOrEmpty("gateway.audit.identity.password-file"));
    }

    private CertificateValidator trustValidator() throws Exception {
        List<X509Certificate> anchors = Certificates.readCertificateList(settings.getOrEmpty("gateway.audit.trust"));
        return CertificateValidator.builder().trustAnchors(anchors).withoutRevocationChecking().build();
    }

    private int usage(String problem) {
        out.println("error: " + problem);
        out.println("usage: verify BUNDLE --trust CA.pem [--crl CRL.pem] | verify-live | search [criteria] |"
                + " trail EXCHANGE_ID | export --out FILE [criteria] | proof SEQ [--tree-size N];"
                + " every command but verify needs --justification TEXT");
        return 2;
    }

    /** Parsed command line: a command, positional arguments and --options (repeatable). */
    record Arguments(String command, List<String> positional, Map<String, List<String>> options) {

        private static final List<String> CRITERIA = List.of("--message-id", "--exchange-id", "--case-reference",
                "--agency", "--partner", "--operation", "--outcome", "--marking", "--from", "--to", "--offset",
                "--limit");

        static Arguments parse(String[] args) {
            List<String> positional = new ArrayList<>();
            Map<String, List<String>> options = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    options.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
            return new Arguments(args[0], positional, options);
        }

        String one(String option) {
            List<String> values = options.get(option);
            return values == null ? null : values.get(values.size() - 1);
        }

        List<String> all(String option) {
            return options.getOrDefault(option, List.of());
        }

        String required(String option) {
            String value = one(option);
            if (value == null) {
                throw new IllegalArgumentException(option + " is required");
            }
            return value;
        }

        String positional(int index, String name) {
            if (positional.size() <= index) {
                throw new IllegalArgumentException(name + " is required");
            }
            return positional.get(index);
        }

        long positionalLong(int index, String name) {
            try {
                return Long.parseLong(positional(index, name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number");
            }
        }

        String criteriaText() {
            List<String> parts = new ArrayList<>(positional);
            CRITERIA.forEach(c -> {
                if (one(c) != null) {
                    parts.add(c + "=" + one(c));
                }
            });
            return parts.isEmpty() ? "(whole log)" : String.join(" ", parts);
        }

        AuditQuery query() {
            try {
                return new AuditQuery(one("--message-id"), one("--exchange-id"), one("--case-reference"),
                        one("--agency"), one("--partner"),
                        named(AuditOperation.class, "--operation"), named(AuditOutcome.class, "--outcome"),
                        one("--marking"), instant("--from"), instant("--to"),
                        one("--offset") == null ? 0 : Integer.parseInt(one("--offset")),
                        one("--limit") == null ? 100 : Integer.parseInt(one("--limit")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--offset and --limit must be whole numbers");
            }
        }

        private <E extends Enum<E>> E named(Class<E> type, String option) {
            String value = one(option);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        private Instant instant(String option) {
            try {
                return one(option) == null ? null : Instant.parse(one(option));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as 2026-11-25T09:00:00Z");
            }
        }
    }
}
