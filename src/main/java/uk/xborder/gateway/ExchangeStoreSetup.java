package uk.xborder.gateway;

import java.time.Clock;
import java.util.Map;

import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.exchange.ContentRetention;
import uk.xborder.gateway.exchange.ContentSealing;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.StorageKeys;
import uk.xborder.gateway.settings.StoreSettings;

/**
 * Opens the exchange store in the audit log's database, sealing under the keys of {@link StoreSettings}, and binds
 * it ({@code exchangeStore}) with its retention ({@code contentRetention}, run by
 * {@code routes/exchange-store.camel.yaml}). Content sealed under a key no longer configured is reported at
 * start-up: it cannot be opened until that key is listed again in {@code gateway.store.previous-key-files}.
 */
final class ExchangeStoreSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeStoreSetup.class);

    private ExchangeStoreSetup() {
    }

    static ExchangeStore open(Registry registry, StoreSettings settings, JdbcAuditLog auditLog, Clock clock) {
        ContentSealing sealing = StorageKeys.load(settings);
        ExchangeStore store = ExchangeStore.open(auditLog.database(), sealing, settings.node(), clock);
        for (Map.Entry<String, Long> held : store.contentByKeyId().entrySet()) {
            if (!sealing.canOpen(held.getKey())) {
                LOG.warn("The exchange store holds the content of {} exchanges sealed under key id {}, which is not "
                        + "configured: it cannot be opened to replay them until that key is in "
                        + "gateway.store.previous-key-files", held.getValue(), held.getKey());
            }
        }
        registry.bind("exchangeStore", store);
        registry.bind("contentRetention", new ContentRetention(store, auditLog, settings.retentionDays(), clock));
        return store;
    }
}
