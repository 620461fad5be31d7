package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.broker.BrokerPermissions.Access;
import uk.xborder.gateway.testsupport.EmbeddedBrokers;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * The permissions follow the partner directory: a partner's own queues are wherever its endpoints on this broker
 * are, a partner reached elsewhere has none here, and a name that would make a permission a pattern is refused.
 */
class BrokerPermissionsTest {

    @TempDir
    Path dir;

    @Test
    void aPartnersQueuesAreItsEndpointsOnThisBrokerWhateverTheirNames() throws Exception {
        BrokerPermissions permissions = BrokerPermissions.of(EmbeddedBrokers.directory(TestDirectory.shipped()
                .edit("endpoint: jms:queue:gw.partner.europol.out",
                        "endpoint: jms:queue:europol.inbox?deliveryPersistent=true\n    receipts: jms:europol.receipts")
                .edit("endpoint: jms:queue:gw.partner.spoc-ie.out",
                        "endpoint: https://spoc.example.ie/exchange/v1/envelopes")
                .write(dir)));

        assertThat(permissions.grants("europol.inbox")).isEqualTo(Map.of("partner-europol",
                Set.of(Access.CONSUME, Access.BROWSE)));
        assertThat(permissions.grants("europol.receipts")).isEqualTo(Map.of("partner-europol",
                Set.of(Access.CONSUME, Access.BROWSE)));
        assertThat(permissions.queues()).contains("europol.inbox", "europol.receipts")
                .doesNotContain("gw.partner.europol.out", "gw.partner.spoc-ie.out");
        // Over HTTPS its receipts travel in the response; it may still leave envelopes on this broker.
        assertThat(permissions.grants("gw.inbound")).containsEntry("partner-spoc-ie", Set.of(Access.SEND));
    }

    @Test
    void aQueueOnAPartnersOwnBrokerIsNotOneOfOurs() {
        assertThat(BrokerPermissions.ownBrokerQueue("europol-broker:queue:europol.inbox")).isEmpty();
        assertThat(BrokerPermissions.ownBrokerQueue("jms:topic:gw.partner.x.out")).isEmpty();
        assertThat(BrokerPermissions.ownBrokerQueue("https://partner.example/in")).isEmpty();
        assertThat(BrokerPermissions.ownBrokerQueue("jms:queue:gw.partner.x.out?timeToLive=0"))
                .contains("gw.partner.x.out");
    }

    @Test
    void everySettingNamesTheGatewayWithEveryPermissionAndNoOtherRoleMayCreateDeleteOrManage() {
        Map<String, Set<Role>> settings = BrokerPermissions.of(EmbeddedBrokers.shippedDirectory())
                .securitySettings();

        assertThat(settings.get("#")).extracting(Role::getName).containsExactly("gateway");
        settings.forEach((match, roles) -> {
            assertThat(roles).filteredOn(role -> role.getName().equals("gateway")).singleElement().satisfies(role ->
                    assertThat(role.isSend() && role.isConsume() && role.isBrowse() && role.isCreateAddress()
                            && role.isDeleteAddress() && role.isCreateDurableQueue() && role.isDeleteDurableQueue()
                            && role.isCreateNonDurableQueue() && role.isDeleteNonDurableQueue() && role.isManage())
                            .as(match).isTrue());
            assertThat(roles).filteredOn(role -> !role.getName().equals("gateway")).allSatisfy(role ->
                    assertThat(role.isCreateAddress() || role.isDeleteAddress() || role.isCreateDurableQueue()
                            || role.isDeleteDurableQueue() || role.isCreateNonDurableQueue()
                            || role.isDeleteNonDurableQueue() || role.isManage() || role.isEdit()
                            || role.isView()).as(match + " " + role.getName()).isFalse());
        });
    }

    @Test
    void anIdWithABrokerWildcardIsRefused() throws Exception {
        Path directory = TestDirectory.shipped().edit("id: nca\n    name: National Crime Agency\n    format",
                "id: nca.#\n    name: National Crime Agency\n    format").write(dir);

        assertThatThrownBy(() -> BrokerPermissions.of(EmbeddedBrokers.directory(directory)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gw.agency.nca.#.out");
    }
}
