package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.settings.PartnerBrokerSettings;
import uk.xborder.gateway.settings.SecretSetting;
import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.TestDirectory;

/** Each partner broker becomes a one-way JMS component of its name, unless its name or its partner is wrong. */
class PartnerBrokersTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aPartnerBrokerIsAOneWayPersistentJmsComponentOfItsName() throws Exception {
        PartnerBrokers.bind(context, List.of(broker("europol-broker", Optional.of("europol"))), directory());

        JmsComponent jms = context.getRegistry().lookupByNameAndType("europol-broker", JmsComponent.class);
        assertThat(jms).isNotNull();
        assertThat(jms.getConfiguration().isDisableReplyTo()).isTrue();
        assertThat(jms.getConfiguration().isDeliveryPersistent()).isTrue();
        assertThat(PartnerBrokers.receiptEndpoint(broker("europol-broker", Optional.of("europol")), directory()))
                .isEqualTo("jms:queue:gw.partner.europol.receipts");
    }

    @Test
    void aNameACamelComponentAlreadyHasIsRefused() {
        assertThatThrownBy(() -> PartnerBrokers.bind(context, List.of(broker("direct", Optional.empty())),
                directory())).isInstanceOf(SettingsException.class)
                .hasMessage("setting gateway.partner-brokers names 'direct', which the gateway already uses for "
                        + "something else: choose another name");
    }

    @Test
    void aNameABeanOfTheGatewayHasIsRefused() {
        context.getRegistry().bind("delivery", new Object());

        assertThatThrownBy(() -> PartnerBrokers.bind(context, List.of(broker("delivery", Optional.empty())),
                directory())).hasMessageContaining("names 'delivery', which the gateway already uses");
    }

    @Test
    void anInboundQueueForAPartnerTheDirectoryDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> PartnerBrokers.bind(context, List.of(broker("europol-broker",
                Optional.of("interpol"))), directory()))
                .hasMessage("setting gateway.partner-broker.europol-broker.partner names 'interpol', which is not a "
                        + "partner in the directory");
    }

    @Test
    void anInboundQueueForAPartnerReachedOverHttpsIsRefused() throws Exception {
        PartyDirectory https = load(TestDirectory.write(folder, Map.of("endpoint: jms:queue:gw.partner.europol.out",
                "endpoint: https://gateway.europol.example/envelopes")));

        assertThatThrownBy(() -> PartnerBrokers.bind(context, List.of(broker("europol-broker",
                Optional.of("europol"))), https))
                .hasMessage("setting gateway.partner-broker.europol-broker.partner names 'europol', which the "
                        + "directory reaches over HTTPS: its receipts cannot go to a queue");
    }

    private static PartnerBrokerSettings broker(String name, Optional<String> partner) {
        return new PartnerBrokerSettings(name, "tcp://127.0.0.1:1", "", SecretSetting.none("unused"), 1, partner,
                partner.map(p -> "uk.inbox"), Optional.empty());
    }

    private static PartyDirectory directory() {
        return load(RunningGateway.projectDirectory().resolve("config/directory.yaml"));
    }

    private static PartyDirectory load(Path file) {
        return new PartyDirectoryLoader(format -> true, MarkingTable.loadDefault()::isKnown).load(file);
    }
}
