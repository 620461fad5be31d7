package uk.xborder.gateway.api;

import java.time.Clock;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import uk.xborder.gateway.audit.evidence.EvidenceExporter;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.audit.verify.LogVerifier;

/**
 * Puts the auditor REST API into a Camel context: binds the beans its routes name and loads the routes
 * ({@value #ROUTES}). Call it while the context is being configured (e.g. from {@code GatewayConfiguration}), with
 * Camel Main's HTTP server enabled ({@code camel.server.enabled=true}); see docs/audit-api.md for the settings.
 */
public final class AuditApi {

    /**
     * The routes of the API. Not a {@code *.camel.yaml} file, so that Camel Main's routes-include-pattern does not
     * load it by itself, without its beans, in a gateway that does not serve the API.
     */
    public static final String ROUTES = "classpath:routes/audit-api.yaml";

    private AuditApi() {
    }

    /** With the gateway's evidence exporter and live verifier. */
    public static void install(CamelContext context, AuditLog log, EvidenceExporter exporter, LogVerifier verifier,
                               Users users, Clock clock) throws Exception {
        install(context, log, EvidenceExport.of(exporter, clock), LiveVerification.of(verifier), users, clock);
    }

    /** With any export and verification, e.g. stand-ins in tests. */
    public static void install(CamelContext context, AuditLog log, EvidenceExport export,
                               LiveVerification verification, Users users, Clock clock) throws Exception {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(clock, "clock");
        Registry registry = context.getRegistry();
        Consultations consultations = new Consultations(log, clock);
        ApiResponses responses = new ApiResponses();
        registry.bind("apiGate", new ApiGate(users));
        registry.bind("apiParameters", new ApiParameters());
        registry.bind("apiConsultations", consultations);
        registry.bind("apiReader", new AuditReader(log, export, verification));
        registry.bind("apiResponses", responses);
        registry.bind("apiErrors", new ApiErrors(consultations, responses));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, ROUTES));
    }
}
