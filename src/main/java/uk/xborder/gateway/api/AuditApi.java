package uk.xborder.gateway.api;

import java.time.Clock;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.verify.LogVerifier;

/**
 * Puts the gateway's REST layer and its auditor API into a Camel context: binds the beans their routes name. The
 * routes ({@value #ROUTES}: the layer's REST configuration, error handling and OpenAPI document, and the auditor
 * operations) are loaded by Camel Main's routes-include-pattern like every other route; their rest blocks are disabled
 * and their routes' precondition is false unless {@value #SWITCH} is true, and whoever loads them binds these beans
 * under the same setting (the gateway does so in {@code AuditLogSetup}). Other operations on the same layer
 * ({@link RequestsApi}) bind only their readers. Call it while the context is being configured, with Camel Main's HTTP
 * server enabled ({@code camel.server.enabled=true}); see docs/audit-api.md for the settings.
 */
public final class AuditApi {

    /** The routes of the REST layer and of the auditor API. */
    public static final String ROUTES = "classpath:routes/api.camel.yaml,classpath:routes/audit-api.camel.yaml";
    /** The setting that switches the API on and off: its rest blocks' and routes' condition. */
    public static final String SWITCH = "gateway.api.enabled";

    private AuditApi() {
    }

    /** With the gateway's evidence exporter and live verifier. */
    public static void install(CamelContext context, AuditLog log, EvidenceExporter exporter, LogVerifier verifier,
                               Users users, Clock clock) throws Exception {
        install(context, log, EvidenceExport.of(exporter, clock), LiveVerification.of(verifier), users, clock);
    }

    /** With the gateway's evidence exporter and live verifier, and these limits on logins. */
    public static void install(CamelContext context, AuditLog log, EvidenceExporter exporter, LogVerifier verifier,
                               Users users, LoginLimits limits, Clock clock) throws Exception {
        install(context, log, EvidenceExport.of(exporter, clock), LiveVerification.of(verifier), users, limits,
                clock);
    }

    /** With any export and verification, e.g. stand-ins in tests, and the default limits on logins. */
    public static void install(CamelContext context, AuditLog log, EvidenceExport export,
                               LiveVerification verification, Users users, Clock clock) throws Exception {
        install(context, log, export, verification, users, LoginLimits.DEFAULT, clock);
    }

    /** With any export, verification and limits on logins. */
    public static void install(CamelContext context, AuditLog log, EvidenceExport export,
                               LiveVerification verification, Users users, LoginLimits limits, Clock clock)
            throws Exception {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Registry registry = context.getRegistry();
        Consultations consultations = new Consultations(log, clock);
        ApiResponses responses = new ApiResponses();
        registry.bind("apiGate", new ApiGate(new Authentication(users, limits, clock)));
        registry.bind("apiParameters", new ApiParameters());
        registry.bind("apiConsultations", consultations);
        registry.bind("apiReader", new AuditReader(log, export, verification));
        registry.bind("apiResponses", responses);
        registry.bind("apiErrors", new ApiErrors(consultations, responses));
        registry.bind("apiDocument", new ApiDocument());
    }
}
