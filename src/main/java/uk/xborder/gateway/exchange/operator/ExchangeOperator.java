package uk.xborder.gateway.exchange.operator;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.exchange.ContentInfo;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.ExchangeDetail;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;

/**
 * Replays or discards one exchange for an operator. The decision is taken on the exchange as read, and made by
 * compare-and-set on the version read: of two operators acting on the same exchange at once, one wins and the other
 * is told {@link Outcome#CHANGED_MEANWHILE}. The winner's decision is audited before anything is sent; if the replay
 * then cannot be sent, the exchange is put back as it was (and that is audited too).
 *
 * <p>A replay keeps the message id, and the duplicate-detection id of the envelope: a partner that has the message
 * already answers with its receipt, and takes nothing twice.
 */
public final class ExchangeOperator {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeOperator.class);
    /** Refused by the broker's word on who sent it: replaying it would deliver what nobody proved the agency sent. */
    private static final String SENDER_NOT_AUTHENTICATED = "SENDER_NOT_AUTHENTICATED";
    /** Refused because the channel it came by was not its sender's: a replay would come by none. */
    private static final String CLIENT_NOT_SENDER = "CLIENT_NOT_SENDER";

    private final ExchangeStore store;
    private final ContentReplays replays;
    private final OperatorAudit audit;
    private Runnable afterDecision = () -> { };

    public ExchangeOperator(ExchangeStore store, ContentReplays replays, uk.xborder.gateway.audit.AuditTrail trail,
                            java.time.Clock clock) {
        this.store = store;
        this.replays = replays;
        this.audit = new OperatorAudit(trail, clock);
    }

    /** Told after every replay or discard that changed an exchange (the health and metrics snapshot reads anew). */
    public ExchangeOperator afterEachDecision(Runnable listener) {
        this.afterDecision = java.util.Objects.requireNonNull(listener, "listener");
        return this;
    }

    public OperatorResult replay(String reference, OperatorAction action) {
        Optional<ExchangeDetail> found = store.get(reference);
        if (found.isEmpty()) {
            return unknown(reference);
        }
        StoredExchange exchange = found.get().exchange();
        Optional<OperatorResult> refusal = replayRefusal(found.get(), action);
        if (refusal.isPresent()) {
            audit.refused(exchange, action, "Replay", refusal.get().outcome(), refusal.get().explanation());
            return refusal.get();
        }
        Optional<OpenedContent> content = store.openContent(reference);
        if (content.isEmpty()) {
            return refused(exchange, action, "Replay", Outcome.CONTENT_ERASED,
                    "its content was erased by retention meanwhile; it cannot be replayed.");
        }
        ContentReplay replay = replays.forKind(content.get().kind()).orElseThrow();
        String explanation = "Replayed by " + action.actor() + ": " + action.reason();
        if (!store.compareAndSet(reference, exchange.version(), ExchangeState.REPLAYED, explanation)) {
            return refused(exchange, action, "Replay", Outcome.CHANGED_MEANWHILE, "another operator, or the "
                    + "gateway, changed it meanwhile (it is " + current(reference) + " now); nothing was replayed "
                    + "here.");
        }
        int round = exchange.version() + 1;
        String how;
        try {
            audit.replayRequested(exchange, action, howItGoes(content.get()));
            how = replay.replay(exchange, content.get(), round);
        } catch (NotReplayableException e) {
            store.compareAndSet(reference, round, exchange.state(), exchange.explanation());
            return refused(exchange, action, "Replay", Outcome.NOT_REPLAYABLE, e.getMessage()
                    + "; it is " + exchange.state() + " again.");
        } catch (RuntimeException e) {
            // put back as it was, so that the replay can be asked for again
            store.compareAndSet(reference, round, exchange.state(), exchange.explanation());
            LOG.warn("Replay of exchange {} by {} could not be sent: {}", reference, action.actor(),
                    e.getClass().getSimpleName());
            return refused(exchange, action, "Replay", Outcome.NOT_SENT, "it could not be sent ("
                    + e.getClass().getSimpleName() + "); it is " + exchange.state() + " again and may be replayed "
                    + "later.");
        }
        LOG.info("Exchange {} replayed by {}", reference, action.actor());
        afterDecision.run();
        return new OperatorResult(reference, Outcome.REPLAYED, ExchangeState.REPLAYED, how);
    }

    public OperatorResult discard(String reference, OperatorAction action) {
        Optional<StoredExchange> found = store.exchange(reference);
        if (found.isEmpty()) {
            return unknown(reference);
        }
        StoredExchange exchange = found.get();
        ExchangeState state = exchange.state();
        if (state == ExchangeState.REPLAYED && store.get(reference).filter(ExchangeOperator::replayLivesOnItsOwn)
                .isPresent()) {
            // Decision: its replay is an exchange of its own that records what became of it; this one is finished
            // with, and discarding it would neither stop that replay nor say anything true.
            return refused(exchange, action, "Discard", Outcome.REPLAYED_ALREADY, "it was replayed, and its replay "
                    + "is an exchange of its own" + (exchange.messageId() == null ? "" : " (message id "
                    + exchange.messageId() + ")") + " that records what became of it; discard that one, if it "
                    + "fails or is refused.");
        }
        if (state == ExchangeState.PROCESSING || state == ExchangeState.RECEIVED || state == ExchangeState.REPLAYED) {
            return refused(exchange, action, "Discard", Outcome.IN_PROCESSING, "it is " + state
                    + (state == ExchangeState.REPLAYED ? " (its replay is in flight, and records its outcome here)"
                    : " (still being processed)") + "; discard it once it has failed or been refused again, if it "
                    + "does.");
        }
        if (!state.awaitsOperator() && state != ExchangeState.EXPIRED) {
            return refused(exchange, action, "Discard", Outcome.NOT_DISCARDABLE, "it is " + state
                    + ", finished with already.");
        }
        if (!store.compareAndSet(reference, exchange.version(), ExchangeState.DISCARDED, "Discarded by "
                + action.actor() + ": " + action.reason())) {
            return refused(exchange, action, "Discard", Outcome.CHANGED_MEANWHILE, "another operator, or the "
                    + "gateway, changed it meanwhile (it is " + current(reference) + " now); nothing was discarded "
                    + "here.");
        }
        audit.discarded(exchange, action);
        LOG.info("Exchange {} discarded by {}", reference, action.actor());
        afterDecision.run();
        return new OperatorResult(reference, Outcome.DISCARDED, ExchangeState.DISCARDED,
                "Discarded (was " + state + "); it will not be replayed.");
    }

    /** Why this exchange is not replayed as it stands, if it is not. */
    private Optional<OperatorResult> replayRefusal(ExchangeDetail detail, OperatorAction action) {
        StoredExchange exchange = detail.exchange();
        ExchangeState state = exchange.state();
        String reference = exchange.reference();
        if (state == ExchangeState.EXPIRED || detail.content().map(ContentInfo::erased).orElse(false)) {
            return refusal(reference, Outcome.CONTENT_ERASED, state, "its content was erased by retention; it "
                    + "cannot be replayed (discard it, or ask the agency or partner to send it again).");
        }
        if (state == ExchangeState.DELIVERED || state == ExchangeState.ACKNOWLEDGED) {
            if (!action.force()) {
                return refusal(reference, Outcome.DELIVERED_ALREADY, state, "it is " + state + " already; replay "
                        + "it with force to send it again (its partner still takes it once).");
            }
        } else if (state == ExchangeState.REPLAYED && replayLivesOnItsOwn(detail)) {
            return refusal(reference, Outcome.REPLAYED_ALREADY, state, "it was replayed already, and its replay is an "
                    + "exchange of its own" + (exchange.messageId() == null ? "" : " (message id "
                    + exchange.messageId() + ")") + " that records what became of it; act on that one.");
        } else if (state == ExchangeState.PROCESSING || state == ExchangeState.RECEIVED
                || state == ExchangeState.REPLAYED) {
            return refusal(reference, Outcome.IN_PROCESSING, state, "it is " + state
                    + (state == ExchangeState.REPLAYED ? " (a replay of it is in flight)" : " (still being processed)")
                    + "; replay it once it has failed, if it does.");
        } else if (!state.awaitsOperator()) {
            return refusal(reference, Outcome.NOT_REPLAYABLE, state, "it is " + state + ".");
        }
        if (SENDER_NOT_AUTHENTICATED.equals(exchange.reasonCode())) {
            return refusal(reference, Outcome.NOT_REPLAYABLE, state, "it was refused because the broker did not "
                    + "vouch for its sender; replaying it would deliver what nobody proved the agency sent.");
        }
        if (CLIENT_NOT_SENDER.equals(exchange.reasonCode())) {
            return refusal(reference, Outcome.NOT_REPLAYABLE, state, "it was refused because it came from another "
                    + "party than the sender it names (HTTPS client or partner broker); a replay, from the gateway's "
                    + "own queue, would skip that check.");
        }
        if (detail.content().isEmpty()) {
            return refusal(reference, Outcome.NO_CONTENT, state, "nothing was kept to replay it from (it was too "
                    + "large to read, or not text or bytes).");
        }
        Optional<ContentReplay> replay = replays.forKind(detail.content().get().kind());
        if (replay.isEmpty()) {
            return refusal(reference, Outcome.REPLAY_NOT_SUPPORTED, state, "this gateway cannot send its kind of "
                    + "content (" + detail.content().get().kind() + ") again yet.");
        }
        if (!action.force() && state.awaitsOperator()) {
            Optional<String> delivered = replay.get().deliveredAlready(exchange);
            if (delivered.isPresent()) {
                return refusal(reference, Outcome.DELIVERED_ALREADY, state, delivered.get() + "; replay it with force "
                        + "to send it again (it is still not delivered twice).");
            }
        }
        return Optional.empty();
    }

    /**
     * An agency's original, a partner's envelope or receipt replayed goes through its pipeline as a new exchange (a
     * receipt: or closes the outbound exchange it answers), and a dead letter back to its queue lives on there: this
     * exchange stays REPLAYED and nothing more will be recorded on it (a replayed sealed envelope, by contrast,
     * records its new attempts here).
     */
    private static boolean replayLivesOnItsOwn(ExchangeDetail detail) {
        return detail.content().map(ContentInfo::kind)
                .filter(kind -> kind != ContentKind.SEALED_ENVELOPE).isPresent();
    }

    private static String howItGoes(OpenedContent content) {
        return switch (content.kind()) {
            case SEALED_ENVELOPE -> "the same sealed envelope, through the partner's retry queue.";
            case ORIGINAL_MESSAGE -> "the agency's original, through validation and policy again on the agency's "
                    + "queue.";
            case DEAD_LETTER -> "the dead letter, back to the address the broker took it from.";
            case RECEIVED_ENVELOPE -> "the partner's envelope, through decryption, verification and translation "
                    + "again on gw.inbound.";
            case RECEIVED_RECEIPT -> "the partner's receipt, verified again on gw.receipts.";
            default -> "its " + content.kind() + " sent again.";
        };
    }

    private String current(String reference) {
        return store.exchange(reference).map(e -> e.state().name()).orElse("gone");
    }

    private OperatorResult refused(StoredExchange exchange, OperatorAction action, String what, Outcome outcome,
                                   String sentence) {
        audit.refused(exchange, action, what, outcome, sentence);
        return new OperatorResult(exchange.reference(), outcome, store.exchange(exchange.reference())
                .map(StoredExchange::state).orElse(null), sentence);
    }

    private static Optional<OperatorResult> refusal(String reference, Outcome outcome, ExchangeState state,
                                                    String sentence) {
        return Optional.of(new OperatorResult(reference, outcome, state, sentence));
    }

    private static OperatorResult unknown(String reference) {
        return new OperatorResult(reference, Outcome.UNKNOWN_EXCHANGE, null, "No exchange has this reference.");
    }
}
