package uk.xborder.gateway.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.InMemoryAuditLog;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * The audit API in a real Camel Main on a free loopback port, with the settings docs/audit-api.md gives (API, health
 * and metrics on one port) and the example users file, over a log holding two exchanges: by default the in-memory
 * log with the gateway's evidence exporter and live verifier, or any log, exporter and verifier
 * given. Plus a small HTTP client.
 *
 * <p>A test class on the in-memory log registers it as an extension, which starts it before the class's tests and
 * stops it after them: {@code @RegisterExtension static final RunningApi api = RunningApi.onInMemoryLog();}
 */
final class RunningApi implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final String EXCHANGE_DELIVERED = "7d1c3b9e-1111-4c55-9a0e-000000000001";
    static final String EXCHANGE_REJECTED = "7d1c3b9e-2222-4c55-9a0e-000000000002";
    static final String JUSTIFICATION = "Case 2026/0042: checking disclosure of PS-1 to Europol";

    private final AuditLog log;
    private final EvidenceExport export;
    /** The live verifier given, or null for the stand-in. */
    private final LiveVerification verifier;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private int port;
    private Main main;
    /** Replaces the live verifier given at start, while set; a test may make it fail. */
    private volatile Supplier<Object> verificationOverride;
    /** Replaces the export given at start, while set; a test may make it refuse. */
    private volatile EvidenceExport exportOverride;
    private LoginLimits limits = LoginLimits.DEFAULT;
    /** The API's clock: consultation times, login windows and lockouts. */
    private Clock clock = Clock.systemUTC();

    private RunningApi(AuditLog log, EvidenceExport export, LiveVerification verifier) {
        this.log = log;
        this.export = export;
        this.verifier = verifier;
    }

    /** As {@link #onInMemoryLog()}, with these limits on logins and this clock for the API. */
    static RunningApi onInMemoryLog(LoginLimits limits, Clock clock) {
        RunningApi api = onInMemoryLog();
        api.limits = limits;
        api.clock = clock;
        return api;
    }

    /**
     * On the in-memory log (checkpoints signed with the example audit key), with the gateway's own evidence export
     * and live verifier; not started yet: register it as an extension.
     */
    static RunningApi onInMemoryLog() {
        Clock clock = Clock.systemUTC();
        CheckpointSigner signer;
        X509Certificate auditCertificate;
        try {
            signer = CheckpointSigner.create(AuditPki.identity("audit"), clock);
            auditCertificate = AuditPki.certificate("audit");
        } catch (Exception e) {
            throw new IllegalStateException("the example audit key could not be read", e);
        }
        InMemoryAuditLog log = new InMemoryAuditLog(signer, clock);
        EvidenceExport export = EvidenceExport.of(new EvidenceExporter(log, clock, List.of(auditCertificate)), clock);
        LiveVerification verifier;
        try {
            verifier = LiveVerification.of(new LogVerifier(log, CheckpointVerifier.create(auditCertificate,
                    List.of(), AuditPki.trusting("uk-root-ca"))));
        } catch (Exception e) {
            throw new IllegalStateException("the example audit certificate is not trusted", e);
        }
        return new RunningApi(log, export, verifier);
    }

    /** Started on the given log, exporter and verifier; close it when done. */
    static RunningApi start(AuditLog log, EvidenceExport export, LiveVerification verification) throws Exception {
        RunningApi api = new RunningApi(log, export, verification);
        api.run();
        return api;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        run();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void run() throws Exception {
        port = freePort();
        seed();
        Users users = UsersFile.load(ExampleUsers.file());
        LiveVerification verification = () -> verificationOverride != null ? verificationOverride.get()
                : verifier.verify();
        EvidenceExport exports = query -> exportOverride != null ? exportOverride.export(query) : export.export(query);
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        Map<String, String> settings = Map.ofEntries(
                Map.entry("camel.main.name", "audit-api-test"),
                Map.entry("camel.main.jmxEnabled", "false"),
                // The API's routes, loaded as the gateway loads them: by include pattern, switched on.
                Map.entry("camel.main.routes-include-pattern", AuditApi.ROUTES),
                Map.entry(AuditApi.SWITCH, "true"),
                Map.entry("camel.server.enabled", "true"),
                Map.entry("camel.server.host", "127.0.0.1"),
                Map.entry("camel.server.port", Integer.toString(port)),
                Map.entry("camel.server.maxBodySize", "65536"),
                Map.entry("camel.server.fileUploadEnabled", "false"),
                Map.entry("camel.management.enabled", "true"),
                Map.entry("camel.management.host", "127.0.0.1"),
                Map.entry("camel.management.port", Integer.toString(port)),
                Map.entry("camel.management.healthCheckEnabled", "true"),
                Map.entry("camel.management.metricsEnabled", "true"),
                Map.entry("camel.metrics.enabled", "true"));
        settings.forEach(main::addOverrideProperty);
        // A listener, not a CamelConfiguration class: the gateway's own tests package-scan uk.xborder.gateway for
        // CamelConfiguration classes and would try to instantiate one found here.
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport starting) {
                try {
                    AuditApi.install(starting.getCamelContext(), log, exports, verification, users, limits,
                            clock);
                } catch (Exception e) {
                    throw new IllegalStateException("the audit API could not be installed", e);
                }
            }
        });
        main.start();
    }

    InMemoryAuditLog log() {
        return (InMemoryAuditLog) log;
    }

    /** Answers verification requests with this instead of the real verifier; null goes back to the real one. */
    void verification(Supplier<Object> verification) {
        this.verificationOverride = verification;
    }

    /** Exports with this instead, until reset with null. */
    void exportOverride(EvidenceExport export) {
        this.exportOverride = export;
    }

    /** A request with the given credentials (null: none) and justification (null: none). */
    HttpResponse<String> get(String path, String user, String password, String justification) {
        return send(request(path, user, password, justification).GET().build());
    }

    HttpResponse<String> post(String path, String user, String password, String justification, String contentType,
                               String body) {
        HttpRequest.Builder builder = request(path, user, password, justification);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> getAsAuditor(String path) {
        return get(path, "auditor", ExampleUsers.AUDITOR_PASSWORD, JUSTIFICATION);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String user, String password, String justification) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        if (justification != null) {
            builder.header(Justification.HEADER, justification);
        }
        return builder;
    }

    /**
     * Status line and body of a GET sent over a plain socket, for request targets java.net.URI refuses to build
     * (e.g. a malformed percent-encoding), as an attacker's client would send them.
     */
    String[] rawGet(String target, String justification) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: " + basic("auditor", ExampleUsers.AUDITOR_PASSWORD) + "\r\n"
                    + Justification.HEADER + ": " + justification + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int bodyStart = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(0, response.indexOf("\r\n")),
                    bodyStart < 0 ? "" : response.substring(bodyStart + 4)};
        }
    }

    /**
     * Status code, Retry-After header (or null) and body of a GET sent over a plain socket from the given loopback
     * address (any of 127.0.0.0/8 on Linux), as a second client on another address would send it.
     */
    String[] getFrom(String localAddress, String path, String user, String password) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(20_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: " + basic(user, password) + "\r\n"
                    + Justification.HEADER + ": " + JUSTIFICATION + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            String retryAfter = head.lines().filter(l -> l.regionMatches(true, 0, "Retry-After:", 0, 12))
                    .map(l -> l.substring(12).strip()).findFirst().orElse(null);
            return new String[] {head.split(" ")[1], retryAfter, response.substring(head.length()).strip()};
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The consultation events (accepted or refused), newest last; the seeded exchange's own step is not one. */
    List<AuditEvent> consultations() {
        List<AuditEvent> events = log instanceof InMemoryAuditLog memory ? memory.events()
                : log.search(new AuditQuery(null, null, null, null, null, AuditOperation.CONSULTATION, null, null,
                        null, null, 0, AuditQuery.MAX_LIMIT)).items().stream().map(LogEntry::event).toList();
        return events.stream().filter(e -> e.actor().startsWith("user:") || e.actor().equals("unauthenticated"))
                .toList();
    }

    AuditEvent lastConsultation() {
        List<AuditEvent> all = consultations();
        if (all.isEmpty()) {
            throw new AssertionError("no consultation was recorded");
        }
        return all.get(all.size() - 1);
    }

    @Override
    public void close() throws Exception {
        if (main != null) {
            main.stop();
        }
    }

    private void seed() {
        Instant t = Instant.parse("2026-03-01T09:00:00Z");
        List<String> steps = List.of("RECEIVED", "SCHEMA_VALID", "AUTHORISED", "RELEASED", "DELIVERED");
        List<String> operations = List.of("COLLECTION", "COLLECTION", "CONSULTATION", "DISCLOSURE", "DISCLOSURE");
        for (int i = 0; i < steps.size(); i++) {
            log.record(new AuditEvent(EXCHANGE_DELIVERED + "/" + steps.get(i), t.plusSeconds(i), EXCHANGE_DELIVERED,
                    "PS-1", null, List.of("OP-TIDE-7"), steps.get(i), operations.get(i), "SUCCESS", null,
                    null, "gateway/outbound", "police-scotland", List.of("europol"), "UK_GSC OFFICIAL-SENSITIVE",
                    "UK_3X5X2 P", "Europol Regulation Art. 7", "criminal investigation", "ab".repeat(32)));
        }
        log.record(new AuditEvent(EXCHANGE_REJECTED + "/RECEIVED", t.plusSeconds(60), EXCHANGE_REJECTED, "NCA-9",
                null, List.of(), "RECEIVED", "COLLECTION", "SUCCESS", null, null,
                "gateway/outbound", "nca", List.of("spoc-ie"), "UK_GSC SECRET", null, null, null, "cd".repeat(32)));
        log.record(new AuditEvent(EXCHANGE_REJECTED + "/REJECTED", t.plusSeconds(61), EXCHANGE_REJECTED, "NCA-9",
                null, List.of(), "REJECTED", "COLLECTION", "REJECTED",
                "SCHEMA_INVALID", "the message does not satisfy the agency's schema", "gateway/outbound",
                "nca", List.of("spoc-ie"), "UK_GSC SECRET", null, null, null, "cd".repeat(32)));
        log.checkpoint();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
