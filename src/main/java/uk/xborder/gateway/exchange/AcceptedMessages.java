package uk.xborder.gateway.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.support.service.ServiceSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The durable record of which message ids each agency has had accepted, and through which transport message.
 *
 * <p>It tells a genuine resubmission (a new transport message with an id already accepted: refused as a duplicate)
 * from a redelivery of the very same transport message after a crash (processed again; the broker's duplicate
 * detection on the delivery side keeps partners from receiving it twice).
 */
public final class AcceptedMessages extends ServiceSupport {

    private final Path file;
    private MVStore store;
    private MVMap<String, String> accepted;

    public AcceptedMessages(Path file) {
        this.file = file;
    }

    /** @return the transport message id under which this message id was accepted, if it was */
    public Optional<String> acceptedVia(String agencyId, String messageId) {
        return Optional.ofNullable(map().get(key(agencyId, messageId)));
    }

    public void remember(String agencyId, String messageId, String transportMessageId) {
        map().put(key(agencyId, messageId), transportMessageId);
        // Durable before the agency's message is acknowledged.
        store.commit();
    }

    private MVMap<String, String> map() {
        if (accepted == null) {
            throw new IllegalStateException("the accepted-message record is not open");
        }
        return accepted;
    }

    private static String key(String agencyId, String messageId) {
        return agencyId + "\u0000" + messageId;
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        accepted = store.openMap("accepted");
    }

    @Override
    protected void doStop() {
        if (store != null) {
            store.close();
            store = null;
            accepted = null;
        }
    }
}
