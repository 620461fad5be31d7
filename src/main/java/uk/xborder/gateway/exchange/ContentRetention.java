package uk.xborder.gateway.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;

/**
 * Erases stored content once its exchange has not changed for {@code gateway.store.retention-days}: the sealed
 * envelope, original or received envelope goes; the exchange, its reason and its attempts stay. Run on a timer by
 * every node ({@code routes/exchange-store.camel.yaml}).
 *
 * <p>Each erasure is audited first ({@link Step#CONTENT_ERASED}, one event per exchange, keyed by its reference,
 * naming the reference, the kind and the retention, never the content), then made: an erasure that fails after its
 * event is made on the next run, and its event collapses into the one already recorded. Nodes running at once erase
 * each exchange once, the others finding it erased.
 */
public final class ContentRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ContentRetention.class);
    private static final String ACTOR = "gateway/retention";
    private static final int BATCH = 200;

    private final ExchangeStore store;
    private final AuditTrail trail;
    private final Duration retention;
    private final Clock clock;

    public ContentRetention(ExchangeStore store, AuditTrail trail, int retentionDays, Clock clock) {
        this.store = store;
        this.trail = trail;
        this.retention = Duration.ofDays(retentionDays);
        this.clock = clock;
    }

    /** @return how many exchanges' content this run erased */
    public int eraseExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int erased = 0;
        while (true) {
            List<ErasableContent> due = store.erasable(cutoff, BATCH);
            int erasedNow = 0;
            for (ErasableContent content : due) {
                trail.record(event(content));
                if (store.erase(content.reference(), cutoff)) {
                    erasedNow++;
                }
            }
            erased += erasedNow;
            // A short batch was the last; one where nothing was erased holds only rows that changed meanwhile.
            if (due.size() < BATCH || erasedNow == 0) {
                break;
            }
        }
        if (erased > 0) {
            LOG.info("Retention erased the stored content of {} exchanges unchanged for {} days", erased,
                    retention.toDays());
        }
        return erased;
    }

    private AuditEvent event(ErasableContent content) {
        return AuditEvent.of(Step.CONTENT_ERASED, content.exchangeId()).keyQualifier(content.reference())
                .time(clock.instant()).actor(ACTOR)
                .message(content.messageId(), null, List.of())
                .parties(content.agency(), content.partner() == null ? List.of() : List.of(content.partner()))
                .explanation("The " + content.kind() + " kept to replay exchange reference " + content.reference()
                        + " (" + content.state() + ", unchanged since " + content.lastChanged() + ") is erased after "
                        + retention.toDays() + " days of retention; its record and attempts are kept.")
                .build();
    }
}
