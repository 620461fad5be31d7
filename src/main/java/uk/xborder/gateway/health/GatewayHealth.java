package uk.xborder.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

import uk.xborder.gateway.settings.HealthSettings;

/**
 * {@code GET /observe/health} (routes/observe.camel.yaml): one status for the node, the checks that are not UP,
 * and the partners failing.
 * <ul>
 *   <li>DOWN, HTTP 503, when any of Camel's own checks (context, routes, consumers) is DOWN, or the exchange store
 *       cannot be read: this node cannot do its work, take it out of service;</li>
 *   <li>DEGRADED, HTTP 200, when a partner's oldest failed exchange has waited longer than
 *       {@value HealthSettings#PARTNER_FAILING_AFTER}: the node works, and takes traffic for every other partner,
 *       but operators must act (the answer names the partner, since when and how many exchanges). 200, so that a
 *       load balancer or orchestrator does not take a working node out of service, or restart it, for a partner's
 *       outage that no restart fixes; monitoring reads the status in the body;</li>
 *   <li>UP, HTTP 200, otherwise: again UP once the partner's failures are replayed, delivered or discarded.</li>
 * </ul>
 * No message content, no message ids, no audit data: partner ids and counts only.
 */
public final class GatewayHealth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext context;
    private final FailureSnapshots snapshots;
    private final Duration failingAfter;
    private final Clock clock;

    public GatewayHealth(CamelContext context, FailureSnapshots snapshots, Duration failingAfter, Clock clock) {
        this.context = context;
        this.snapshots = snapshots;
        this.failingAfter = failingAfter;
        this.clock = clock;
    }

    /** Answers the health request of the exchange. */
    public void report(Exchange exchange) throws JsonProcessingException {
        Map<String, Object> report = report();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, "DOWN".equals(report.get("status")) ? 503 : 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    Map<String, Object> report() {
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean down = false;
        // Like Camel's own endpoint, only the checks that are not UP are named (their ids name routes).
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            if (result.getState() != HealthCheck.State.UP) {
                checks.add(check(result.getCheck().getId(), result.getState().name()));
            }
            down |= result.getState() == HealthCheck.State.DOWN;
        }
        FailureSnapshots.Snapshot snapshot = snapshots.current();
        if (snapshot == null || snapshot.stale()) {
            checks.add(check("exchange-store", "DOWN"));
            down = true;
        }
        List<FailingPartners.Failing> failing = snapshot == null ? List.of()
                : FailingPartners.of(snapshot.failures(), failingAfter, clock.instant());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", down ? "DOWN" : failing.isEmpty() ? "UP" : "DEGRADED");
        if (!checks.isEmpty()) {
            report.put("checks", checks);
        }
        if (!failing.isEmpty()) {
            List<Map<String, Object>> partners = new ArrayList<>();
            for (FailingPartners.Failing partner : failing) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("partner", partner.partner());
                entry.put("failingSince", partner.since().toString());
                entry.put("failedExchanges", partner.failedExchanges());
                partners.add(entry);
            }
            report.put("failingPartners", partners);
            report.put("failingAfter", failingAfter.toString());
        }
        return report;
    }

    private static Map<String, Object> check(String name, String status) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("status", status);
        return check;
    }
}
