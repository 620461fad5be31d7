package uk.xborder.gateway.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.broker.ReceivedBody;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.RetryPolicy;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.DeliveryFailure;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayFault;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.receipt.ReceiptNotice;
import uk.xborder.gateway.transport.DeliveryError;
import uk.xborder.gateway.transport.DeliveryErrors;

/**
 * Decides, attempt by attempt, what becomes of a hand-over to a partner that failed: tried again later off the
 * agency's queue (a failure that may pass, while the partner's retry policy allows another attempt), or given up
 * (a failure that will not pass: DELIVERY_REFUSED at once; the last attempt: DELIVERY_FAILED). The steps of the
 * first attempt's failure ({@code deliver-to-recipient}) and of every later attempt ({@code routes/retries.camel.yaml}).
 *
 * <p>While a delivery waits for its next attempt, its receipt is expected already (a receipt that comes for an
 * attempt that seemed to fail closes it) but it is never sent again for want of one: the ledger holds it as
 * RETRYING until an attempt gets through. The wait is scheduled by the broker (Artemis scheduled delivery), in the
 * broker's clock, which is the system's for the embedded broker.
 */
public final class DeliveryRetries {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRetries.class);
    /** A partner that has left the directory since its delivery began: one attempt, then it fails. */
    private static final RetryPolicy GONE_PARTNER = new RetryPolicy(RetryPolicy.BackOff.CONSTANT,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0);

    private final PartyDirectory directory;
    private final ReceivedBodies bodies;
    private final AwaitingReceipts awaiting;
    private final ReceiptNotice notices;
    private final OutboundExchanges exchanges;
    private final RetryAudit audit;
    private final Clock clock;
    private final Clock brokerClock;
    private final DoubleSupplier random;

    DeliveryRetries(PartyDirectory directory, ReceivedBodies bodies, AwaitingReceipts awaiting, ReceiptNotice notices,
                    OutboundExchanges exchanges, RetryAudit audit, Clock clock, Clock brokerClock,
                    DoubleSupplier random) {
        this.directory = directory;
        this.bodies = bodies;
        this.awaiting = awaiting;
        this.notices = notices;
        this.exchanges = exchanges;
        this.audit = audit;
        this.clock = clock;
        this.brokerClock = brokerClock;
        this.random = random;
    }

    /**
     * @param clock the gateway's clock, for the audit log and the ledger; the broker schedules by the system's
     */
    public static DeliveryRetries create(PartyDirectory directory, ReceivedBodies bodies, AwaitingReceipts awaiting,
                                         ReceiptNotice notices, OutboundExchanges exchanges, AuditTrail trail,
                                         Clock clock) {
        return new DeliveryRetries(directory, bodies, awaiting, notices, exchanges, new RetryAudit(trail, clock),
                clock, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The first hand-over failed, in the agency's transaction. Either the recipient is RETRYING and the message is
     * now the retry message for the partner's retry queue, or the delivery is given up
     * ({@link ExchangeProperties#GIVEN_UP}, thrown by {@link #giveUpIfNotRetried}).
     */
    public void firstAttemptFailed(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        String recipient = exchange.getProperty(ExchangeProperties.RECIPIENT, String.class);
        String endpoint = exchange.getProperty(ExchangeProperties.ENDPOINT, String.class);
        PendingDelivery first = PendingDelivery.firstOf(message, recipient, endpoint);
        Optional<String> next = scheduleOrGiveUp(exchange, first,
                exchange.getProperty(ExchangeProperties.ENVELOPE, byte[].class));
        if (next.isPresent()) {
            // a given-up attempt is recorded with the recipient's failure (RecipientFailures)
            exchanges.attemptFailed(message, recipient, endpoint,
                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
            awaiting.retrying(first.exchangeId(), recipient);
            message.result(RecipientResult.retrying(recipient, next.get()));
        }
    }

    /**
     * After an attempt: throws the {@link DeliveryFailure} its failure came to, if it was given up, for the route's
     * error handling to hold the envelope and fail the recipient. (Thrown from the attempt's catch block itself, it
     * would escape that handling.)
     */
    public void giveUpIfNotRetried(Exchange exchange) {
        DeliveryFailure failure = exchange.getProperty(ExchangeProperties.GIVEN_UP, DeliveryFailure.class);
        if (failure != null) {
            exchange.removeProperty(ExchangeProperties.GIVEN_UP);
            throw failure;
        }
    }

    /**
     * Takes in a retry message: the delivery it is for and its envelope, as the attempt's properties. The envelope
     * is the gateway's own (nobody else may send to a retry queue), read whole as bytes like every body the gateway
     * takes from JMS; anything else there is the gateway's fault, rolled back and in the end parked on gw.dlq.
     */
    public void take(Exchange exchange) {
        Message in = exchange.getMessage();
        PendingDelivery delivery = PendingDelivery.readFrom(in);
        ReceivedBody body = bodies.read(exchange, Long.MAX_VALUE);
        if (!body.isRead()) {
            throw new GatewayFault("the retry message of exchange " + delivery.exchangeId() + " to "
                    + delivery.recipient() + " holds no envelope that can be read (" + body + ")");
        }
        exchange.setProperty(ExchangeProperties.RETRY, delivery);
        exchange.setProperty(ExchangeProperties.ENVELOPE, body.bytes());
        exchange.setProperty(ExchangeProperties.AGENCY, delivery.agency());
        exchange.setProperty(ExchangeProperties.RECIPIENT, delivery.recipient());
        exchange.setProperty(ExchangeProperties.ENDPOINT, delivery.endpoint());
        exchange.setProperty(ExchangeProperties.TRANSPORT, delivery.transport().name());
    }

    /**
     * Whether the delivery still waits for an attempt. Not when a receipt has closed it (an attempt that seemed
     * to fail got through), nor when an earlier run of this very attempt delivered it and its transaction then
     * rolled back (the ledger is not part of that transaction): the receipt machinery has it from there.
     */
    public boolean stillUndelivered(@ExchangeProperty(ExchangeProperties.RETRY) PendingDelivery delivery) {
        Optional<AwaitingDelivery> recorded = awaiting.get(delivery.exchangeId(), delivery.recipient());
        if (recorded.isEmpty() || recorded.get().state() == ReceiptState.RETRYING) {
            return true;
        }
        if (delivery.replay() > 0) {
            // an operator's replay forced past a delivery (awaiting its receipt, or acknowledged): sent as asked,
            // with the same message id and duplicate-detection id, so the partner takes it as a repeat
            return true;
        }
        LOG.info("Attempt {} of exchange {} to {} not made: the delivery is {} already", delivery.attempt(),
                delivery.exchangeId(), delivery.recipient(), recorded.get().state());
        return false;
    }

    /** Records the attempt before the envelope leaves, and readies it with the headers every attempt has. */
    public void release(Exchange exchange) {
        PendingDelivery delivery = exchange.getProperty(ExchangeProperties.RETRY, PendingDelivery.class);
        byte[] envelope = exchange.getProperty(ExchangeProperties.ENVELOPE, byte[].class);
        audit.released(delivery, Digests.sha256Hex(envelope));
        Message out = exchange.getMessage();
        out.setBody(envelope);
        delivery.handOverHeaders(out);
    }

    /** The attempt got through: the receipt is awaited from now, and sent again for want of it like any delivery. */
    public void delivered(Exchange exchange) {
        PendingDelivery delivery = exchange.getProperty(ExchangeProperties.RETRY, PendingDelivery.class);
        audit.delivered(delivery, Digests.sha256Hex(exchange.getProperty(ExchangeProperties.ENVELOPE, byte[].class)));
        boolean acknowledged = awaiting.get(delivery.exchangeId(), delivery.recipient())
                .map(recorded -> recorded.state() == ReceiptState.ACKNOWLEDGED).orElse(false);
        exchanges.retryDelivered(delivery, acknowledged);
        Duration timeout = directory.partner(delivery.recipient()).map(Partner::receiptTimeout).orElse(Duration.ZERO);
        awaiting.delivered(delivery.exchangeId(), delivery.recipient(), clock.instant().plus(timeout));
        LOG.info("Exchange {} delivered to {} at attempt {}", delivery.exchangeId(), delivery.recipient(),
                delivery.attempt());
    }

    /** A later attempt failed: the message becomes the next attempt's, or the delivery is given up. */
    public void attemptFailed(Exchange exchange) {
        PendingDelivery delivery = exchange.getProperty(ExchangeProperties.RETRY, PendingDelivery.class);
        if (scheduleOrGiveUp(exchange, delivery, exchange.getProperty(ExchangeProperties.ENVELOPE, byte[].class))
                .isPresent()) {
            // a given-up attempt is recorded with the exchange's failure (giveUp)
            exchanges.retryFailed(delivery, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        }
    }

    /**
     * In the retry route's error handling: records the failure, keeps the sealed envelope in the exchange store, and
     * readies the reference to it to be held on gw.failed (the queue carries no content).
     */
    public void giveUp(Exchange exchange) {
        PendingDelivery delivery = exchange.getProperty(ExchangeProperties.RETRY, PendingDelivery.class);
        DeliveryFailure failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DeliveryFailure.class);
        byte[] envelope = exchange.getProperty(ExchangeProperties.ENVELOPE, byte[].class);
        audit.failed(delivery, failure.reason(), failure.explanation(), Digests.sha256Hex(envelope));
        awaiting.withdraw(delivery.exchangeId(), delivery.recipient(), failure.reason().name(),
                failure.explanation());
        String reference = exchanges.retryGivenUp(delivery, failure.reason(), failure.explanation(), envelope,
                failure.getCause());
        Message held = exchange.getMessage();
        held.removeHeaders("*");
        held.setBody(reference);
        held.setHeader(GatewayHeaders.EXCHANGE_REFERENCE, reference);
        held.setHeader(GatewayHeaders.EXCHANGE_ID, delivery.exchangeId());
        held.setHeader(GatewayHeaders.AGENCY, delivery.agency());
        held.setHeader(GatewayHeaders.MESSAGE_ID, delivery.messageId());
        held.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, delivery.transportMessageId());
        held.setHeader(GatewayHeaders.RECIPIENT, delivery.recipient());
        held.setHeader(GatewayHeaders.REASON_CODE, failure.reason().name());
        held.setHeader(GatewayHeaders.EXPLANATION, failure.explanation());
        held.setHeader(GatewayHeaders.FAILED_STEP, "delivery");
    }

    /** The agency's second notice about that partner: FAILED, with the reason the delivery was given up. */
    public void failureNotice(Exchange exchange) {
        PendingDelivery delivery = exchange.getProperty(ExchangeProperties.RETRY, PendingDelivery.class);
        DeliveryFailure failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DeliveryFailure.class);
        AwaitingDelivery recorded = awaiting.get(delivery.exchangeId(), delivery.recipient())
                .orElseThrow(() -> new IllegalStateException("the delivery of exchange " + delivery.exchangeId()
                        + " to " + delivery.recipient() + " is not recorded"));
        notices.deliveryFailed(exchange, recorded, failure.reason(), failure.explanation());
    }

    /**
     * Judges a failed attempt by the kind of failure and the partner's retry policy, records it, and either makes
     * the message the next attempt's (returning the sentence that says so) or gives the delivery up (empty).
     */
    private Optional<String> scheduleOrGiveUp(Exchange exchange, PendingDelivery delivery, byte[] envelope) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        DeliveryError error = DeliveryErrors.classify(cause);
        RetryPolicy policy = directory.partner(delivery.recipient()).map(Partner::retry).orElse(GONE_PARTNER);
        String digest = Digests.sha256Hex(envelope);
        int attempt = delivery.attempt();
        String failed = "Attempt " + attempt + " of " + policy.maxAttempts() + " to '" + delivery.endpoint()
                + "' failed: " + error.errorClass() + " (" + error.kind() + ")";
        LOG.warn("Exchange {}: attempt {} of {} to {} failed: {} ({})", delivery.exchangeId(), attempt,
                policy.maxAttempts(), delivery.recipient(), error.errorClass(), error.kind());
        if (!error.transientFailure()) {
            audit.attemptFailed(delivery, failed + "; it is not tried again.", digest);
            return givenUp(exchange, new DeliveryFailure(ReasonCode.DELIVERY_REFUSED, "The hand-over to '" + delivery.recipient()
                    + "' failed in a way that trying again would not change (" + error.errorClass() + "): "
                    + error.description() + " The envelope is held for replay.", cause));
        }
        if (!policy.allowsAttempt(attempt + 1)) {
            audit.attemptFailed(delivery, failed + "; it was the last.", digest);
            return givenUp(exchange, new DeliveryFailure(ReasonCode.DELIVERY_FAILED, "The hand-over to '" + delivery.recipient()
                    + "' failed at each of its " + attempt + (attempt == 1 ? " attempt" : " attempts")
                    + ", the last with " + error.errorClass() + ": " + error.description()
                    + " The envelope is held for replay.", cause));
        }
        Duration wait = policy.delayBefore(attempt + 1, random);
        Instant due = clock.instant().plus(wait);
        String next = failed + "; attempt " + (attempt + 1) + " is due at " + due + ".";
        audit.attemptFailed(delivery, next, digest);
        Message out = exchange.getMessage();
        out.setBody(envelope);
        delivery.next().writeTo(out, brokerClock.instant().plus(wait));
        return Optional.of("The hand-over to '" + delivery.recipient() + "' failed (" + error.errorClass()
                + ", which may pass); it is tried again off the agency's queue: attempt " + (attempt + 1) + " of "
                + policy.maxAttempts() + " is due at " + due + ". A second notice gives the outcome.");
    }

    private static Optional<String> givenUp(Exchange exchange, DeliveryFailure failure) {
        exchange.setProperty(ExchangeProperties.GIVEN_UP, failure);
        return Optional.empty();
    }
}
