package uk.xborder.gateway.inbound;

import java.util.Optional;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;

/**
 * Decides whether an envelope on gw.inbound is an operator's replay ({@link ReceivedEnvelopeReplay}) of one the
 * gateway kept, the inbound mirror of the outbound replay claim.
 *
 * <p>Decision: the claim ({@code GwReplayOf}) counts only from the gateway's own broker user (which no partner can log
 * in as) on the gateway's own gw.inbound, and only when the store holds that reference as REPLAYED, inbound, kept as
 * a received envelope with exactly the bytes now on the queue (SHA-256). A proven replay changes two things and no
 * check: its freshness and its receipt's ReceivedAt are measured from the envelope's first arrival (an envelope
 * replayed weeks later is not STALE_MESSAGE for having waited for the operator), and its trail names the replayed
 * exchange. Everything else (duplicates, decryption, signature and chain, header, schema, addressee, translation) is
 * checked again from the first byte. A claim that is not proven is therefore not refused: the envelope is taken as
 * any other arrival, and its first audit event says why the claim was set aside.
 */
public final class InboundReplayClaims {

    /** What was made of a claim: the replayed exchange, or why the claim was set aside. */
    record Verdict(Optional<StoredExchange> replayed, Optional<String> setAsideBecause) {

        static Verdict none() {
            return new Verdict(Optional.empty(), Optional.empty());
        }

        static Verdict setAside(String why) {
            return new Verdict(Optional.empty(), Optional.of(why));
        }

        static Verdict proven(StoredExchange exchange) {
            return new Verdict(Optional.of(exchange), Optional.empty());
        }
    }

    private final ExchangeStore store;
    private final String gatewayUser;

    /** @param gatewayUser the broker user the gateway itself logs in as (null or empty: no claim is ever proven) */
    public InboundReplayClaims(ExchangeStore store, String gatewayUser) {
        this.store = store;
        this.gatewayUser = gatewayUser;
    }

    Verdict check(String brokerUser, String replayOf, String envelopeDigest) {
        if (replayOf == null || replayOf.isBlank()) {
            return Verdict.none();
        }
        if (gatewayUser == null || gatewayUser.isEmpty() || !gatewayUser.equals(brokerUser)) {
            return Verdict.setAside("it was not put on gw.inbound by the gateway's own broker user");
        }
        Optional<StoredExchange> named = store.exchange(replayOf).filter(e -> e.direction() == Direction.INBOUND);
        if (named.isEmpty()) {
            return Verdict.setAside("it names no stored inbound exchange");
        }
        if (named.get().state() != ExchangeState.REPLAYED) {
            return Verdict.setAside("it names an exchange an operator has not replayed (it is "
                    + named.get().state() + ")");
        }
        Optional<OpenedContent> kept = store.openContent(replayOf)
                .filter(content -> content.kind() == ContentKind.RECEIVED_ENVELOPE);
        if (kept.isEmpty() || !Digests.sha256Hex(kept.get().bytes()).equals(envelopeDigest)) {
            return Verdict.setAside("it is not the envelope the exchange store keeps for that exchange");
        }
        return Verdict.proven(named.get());
    }
}
