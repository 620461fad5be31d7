package uk.xborder.gateway.broker;

import java.util.List;

import org.apache.camel.CamelContext;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.settings.PartnerBrokerSettings;
import uk.xborder.gateway.settings.SettingsException;

/**
 * Gives each partner broker of the settings a JMS component of its name, so that the directory's endpoints reach
 * queues on it ({@code europol-broker:queue:europol.inbox}). What the gateway sends there is outside the transaction
 * of the queue it came from: the partner's broker drops a resend by the envelope's duplicate-detection id.
 */
public final class PartnerBrokers {

    private static final String COMPONENT_DESCRIPTORS = "META-INF/services/org/apache/camel/component/";

    private PartnerBrokers() {
    }

    public static void bind(CamelContext context, List<PartnerBrokerSettings> brokers, PartyDirectory directory)
            throws Exception {
        for (PartnerBrokerSettings broker : brokers) {
            String setting = PartnerBrokerSettings.LIST;
            if (context.getRegistry().lookupByName(broker.name()) != null
                    || context.getClassResolver().loadResourceAsURL(COMPONENT_DESCRIPTORS + broker.name()) != null) {
                throw new SettingsException(setting, "names '" + broker.name() + "', which the gateway already uses "
                        + "for something else: choose another name");
            }
            if (broker.inboundQueue().isPresent()) {
                receiptEndpoint(broker, directory);
            }
            context.getRegistry().bind(broker.name(), JmsConnections.pooledComponent(context, broker.url(),
                    broker.user(), broker.credentials(), broker.poolSize()));
        }
    }

    /** Where the receipts for envelopes from the broker's partner go: that partner's receipt endpoint. */
    public static String receiptEndpoint(PartnerBrokerSettings broker, PartyDirectory directory) {
        String setting = PartnerBrokerSettings.PREFIX + broker.name() + ".partner";
        String id = broker.partner().orElseThrow(() -> new SettingsException(setting, "must be given"));
        Partner partner = directory.partner(id).orElseThrow(() -> new SettingsException(setting,
                "names '" + id + "', which is not a partner in the directory"));
        return partner.receiptEndpoint().orElseThrow(() -> new SettingsException(setting, "names '" + id
                + "', which the directory reaches over HTTPS: its receipts cannot go to a queue"));
    }
}
