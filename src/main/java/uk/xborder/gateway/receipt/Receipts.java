package uk.xborder.gateway.receipt;

import java.time.Clock;
import java.util.List;

import org.apache.camel.spi.Registry;

import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.certificates.PartnerCertificates;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.settings.ReceiptSettings;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Binds the beans of {@code routes/receipts.camel.yaml} and the outbound route's receipt step, under the names the
 * routes use.
 */
public final class Receipts {

    private Receipts() {
    }

    public static void install(Registry registry, PartyDirectory directory, PartnerCertificates certificates,
                               AwaitingReceipts awaiting, ExchangeStore store, ReceivedBodies bodies,
                               AuditTrail trail, SchemaCatalog schemas, ReceiptSettings settings, Clock clock) {
        SafeXmlParser parser = new SafeXmlParser();
        SentEnvelope sent = new SentEnvelope(parser);
        ReceiptAudit audit = new ReceiptAudit(trail, clock);
        ReceiptExchanges exchanges = new ReceiptExchanges(store);
        PartnerTrust trust = PartnerTrust.of(directory, certificates);
        ReceiptVerifier verifier = new ReceiptVerifier(trust, new ReceiptReader(parser, schemas), directory,
                awaiting, sent);

        registry.bind("awaitingReceipts", awaiting);
        registry.bind("receiptExpectation", new ReceiptExpectation(awaiting, directory, clock));
        ReceiptIntake intake = new ReceiptIntake(bodies, verifier);
        registry.bind("receiptIntake", intake);
        registry.bind("exchangeClosing", new ExchangeClosing(awaiting, audit, exchanges));
        registry.bind("receiptNotice", new ReceiptNotice(audit, clock));
        registry.bind("receiptRefusal", new ReceiptRefusal(intake, audit, exchanges));
        registry.bind("overdueReceipts", new OverdueReceipts(awaiting, directory, audit, exchanges,
                settings.batchSize(), clock));
    }
}
