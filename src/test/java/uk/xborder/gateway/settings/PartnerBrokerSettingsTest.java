package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The partner brokers' settings: what is read, what is assumed, and what stops the start naming the setting. */
class PartnerBrokerSettingsTest {

    private static final String EUROPOL = "gateway.partner-broker.europol-broker.";

    @Test
    void eachNamedBrokerIsReadWithItsQueuesAndPartner() {
        Map<String, String> values = new HashMap<>(Map.of(
                "gateway.home", "/opt/gw",
                "gateway.partner-brokers", "europol-broker, spoc-ie-mq",
                EUROPOL + "url", "tcp://mq.europol.example:61617?sslEnabled=true",
                EUROPOL + "user", "uk-gateway",
                EUROPOL + "password-file", "secrets/europol-broker",
                EUROPOL + "pool-size", "3",
                EUROPOL + "partner", "europol",
                EUROPOL + "inbound-queue", "uk.inbox",
                EUROPOL + "receipts-queue", "uk.receipts"));
        values.put("gateway.partner-broker.spoc-ie-mq.url", "tcp://mq.garda.example:61616");

        var brokers = PartnerBrokerSettings.from(SettingsSource.of(values));

        assertThat(brokers).extracting(PartnerBrokerSettings::name).containsExactly("europol-broker", "spoc-ie-mq");
        PartnerBrokerSettings europol = brokers.get(0);
        assertThat(europol.url()).isEqualTo("tcp://mq.europol.example:61617?sslEnabled=true");
        assertThat(europol.user()).isEqualTo("uk-gateway");
        assertThat(europol.password().file()).isEqualTo(Path.of("/opt/gw/secrets/europol-broker"));
        assertThat(europol.poolSize()).isEqualTo(3);
        assertThat(europol.partner()).contains("europol");
        assertThat(europol.inboundQueue()).contains("uk.inbox");
        assertThat(europol.receiptsQueue()).contains("uk.receipts");
        PartnerBrokerSettings garda = brokers.get(1);
        assertThat(garda.user()).isEmpty();
        assertThat(garda.credentials()).isEmpty();
        assertThat(garda.poolSize()).isEqualTo(2);
        assertThat(garda.partner()).isEmpty();
        assertThat(garda.inboundQueue()).isEmpty();
        assertThat(garda.receiptsQueue()).isEmpty();
    }

    @Test
    void byDefaultThereIsNone() {
        assertThat(PartnerBrokerSettings.from(SettingsSource.of(Map.of()))).isEmpty();
        assertThat(PartnerBrokerSettings.from(SettingsSource.of(Map.of("gateway.partner-brokers", " ")))).isEmpty();
    }

    @Test
    void aNameThatCannotBeAnEndpointSchemeIsRefused() {
        assertThatThrownBy(() -> brokers("Europol_Broker")).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("setting gateway.partner-brokers names 'Europol_Broker': a broker name is "
                        + "lower-case letters, digits and dashes");
    }

    @Test
    void theNameOfTheGatewaysOwnBrokerIsRefused() {
        assertThatThrownBy(() -> brokers("jms"))
                .hasMessage("setting gateway.partner-brokers names 'jms', the gateway's own broker: choose another name");
    }

    @Test
    void aBrokerNamedTwiceIsRefused() {
        assertThatThrownBy(() -> brokers("europol-broker,europol-broker"))
                .hasMessage("setting gateway.partner-brokers names 'europol-broker' twice");
    }

    @Test
    void aBrokerWithoutAUrlIsRefused() {
        assertThatThrownBy(() -> PartnerBrokerSettings.from(SettingsSource.of(Map.of(
                "gateway.partner-brokers", "europol-broker"))))
                .hasMessage("setting " + EUROPOL + "url must be given");
    }

    @Test
    void anInboundQueueWithoutThePartnerWhoseItIsIsRefused() {
        assertThatThrownBy(() -> PartnerBrokerSettings.from(SettingsSource.of(Map.of(
                "gateway.partner-brokers", "europol-broker", EUROPOL + "url", "tcp://mq:61616",
                EUROPOL + "inbound-queue", "uk.inbox"))))
                .hasMessageStartingWith("setting " + EUROPOL + "partner must name the directory partner");
    }

    @Test
    void aQueueNameThatWouldCarryEndpointOptionsIsRefused() {
        assertThatThrownBy(() -> PartnerBrokerSettings.from(SettingsSource.of(Map.of(
                "gateway.partner-brokers", "europol-broker", EUROPOL + "url", "tcp://mq:61616",
                EUROPOL + "receipts-queue", "uk.receipts?transacted=false"))))
                .hasMessageStartingWith("setting " + EUROPOL + "receipts-queue must be a plain queue name");
    }

    @Test
    void aUserWhosePasswordIsNotNamedStopsTheStartNamingTheSetting() {
        PartnerBrokerSettings broker = PartnerBrokerSettings.from(SettingsSource.of(Map.of(
                "gateway.partner-brokers", "europol-broker", EUROPOL + "url", "tcp://mq:61616",
                EUROPOL + "user", "uk-gateway"))).get(0);

        assertThatThrownBy(broker::credentials).hasMessage("setting " + EUROPOL + "password-env or " + EUROPOL
                + "password-file must name where the password is");
    }

    private static Optional<PartnerBrokerSettings> brokers(String names) {
        return PartnerBrokerSettings.from(SettingsSource.of(Map.of("gateway.partner-brokers", names,
                EUROPOL + "url", "tcp://mq:61616"))).stream().findFirst();
    }
}
