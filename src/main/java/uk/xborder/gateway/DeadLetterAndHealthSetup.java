package uk.xborder.gateway;

import java.time.Clock;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.deadletter.DeadLetterIntake;
import uk.xborder.gateway.exchange.deadletter.DeadLetterResend;
import uk.xborder.gateway.health.FailureMetrics;
import uk.xborder.gateway.health.FailureSnapshots;
import uk.xborder.gateway.health.GatewayHealth;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.settings.GatewaySettings;

/**
 * Binds what deals with failures as a whole: the intake of dead letters from gw.dlq ({@code deadLetterIntake},
 * routes/dead-letters.camel.yaml) and their resend ({@code deadLetterResend}, for the operators' replay), the gauges
 * of failed exchanges, retry backlog and dead letters, and the health report ({@code gatewayHealth},
 * routes/observe.camel.yaml), both read from one periodically refreshed count ({@code failureSnapshots}).
 */
final class DeadLetterAndHealthSetup {

    private DeadLetterAndHealthSetup() {
    }

    static void install(CamelContext context, GatewaySettings settings, PartyDirectory directory, JmsComponent jms,
                        ExchangeStore store, AwaitingReceipts awaiting, AuditTrail audit, ReceivedBodies bodies,
                        Clock clock) throws Exception {
        Registry registry = context.getRegistry();
        // The largest body the gateway takes in anywhere: an agency's message or a partner's envelope.
        long largest = Math.max(settings.outbound().maxMessageBytes(), settings.inbound().maxEnvelopeBytes());
        registry.bind("deadLetterIntake", new DeadLetterIntake(store, audit, bodies, largest,
                settings.broker().maxDeliveryAttempts(), clock));
        registry.bind("deadLetterResend", new DeadLetterResend(jms.getConfiguration().getConnectionFactory()));

        FailureSnapshots snapshots = new FailureSnapshots(store::failures, awaiting::retryingByPartner);
        registry.bind("failureSnapshots", snapshots);
        List<String> partners = directory.partners().stream().map(Partner::id).toList();
        FailureMetrics metrics = new FailureMetrics(snapshots, partners, clock, AuditLogSetup.meterRegistry(context));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                metrics.close();
            }
        }, true, true);
        registry.bind("gatewayHealth", new GatewayHealth(context, snapshots,
                settings.health().partnerFailingAfter(), clock));
    }
}
