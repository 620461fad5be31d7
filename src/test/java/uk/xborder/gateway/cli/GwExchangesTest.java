package uk.xborder.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.cli.tool.ToolEnvironment;
import uk.xborder.gateway.exchange.ExchangeQuery;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * {@code gw exchanges} against the real gateway: a message the agency's schema refuses is listed as REJECTED, shown
 * with what is kept of it, replayed (its original goes through the agency's pipeline again, taken as the agency's
 * because the exchange store vouches for the replay, and is refused again for the same reason, as a new exchange
 * whose trail names the replay), refused a second replay, and the new exchange discarded; a replay without a reason
 * is a usage error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GwExchangesTest {

    private static final String JUSTIFICATION = "Night shift: refused messages of police-scotland";
    private static final String PS = "police-scotland";

    private RunningGateway gateway;
    private String transportId;

    @BeforeAll
    void startAndSendAMessageTheSchemaRefuses() throws Exception {
        gateway = RunningGateway.start();
        transportId = gateway.send(PS, Examples.read("police-scotland/invalid/unexpected-element.xml"));
        Message status = gateway.receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", 20_000);
        assertThat(status).as("status notice").isNotNull();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aRefusedMessageIsListedReplayedThroughValidationAgainAndItsNewRefusalDiscarded() {
        ToolRun listed = gw("operator", "exchanges", "list", "--agency", PS, "--state", "REJECTED");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out().lines().findFirst().orElseThrow()).startsWith("REFERENCE")
                .contains("STATE", "REASON", "FAILED FOR");
        StoredExchange refused = rejected().get(0);
        assertThat(listed.out()).containsPattern(refused.reference() + " +OUTBOUND +" + PS + " .*REJECTED +"
                + refused.reasonCode());

        ToolRun shown = gw("operator", "exchanges", "show", refused.reference());
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("ORIGINAL_MESSAGE", refused.reasonCode());

        ToolRun noReason = gw("operator", "exchanges", "replay", refused.reference());
        assertThat(noReason.exitCode()).as(noReason.toString()).isEqualTo(2);

        ToolRun replayed = gw("operator", "exchanges", "replay", refused.reference(), "--reason",
                "schema fixed upstream");
        assertThat(replayed.exitCode()).as(replayed.toString()).isZero();
        assertThat(replayed.out()).contains(refused.reference(), "REPLAYED", "# 1 of 1 done");

        // Through the pipeline again, as the agency's message: refused again by its schema, as a new exchange.
        await().atMost(Duration.ofSeconds(20)).until(() -> rejected().stream()
                .anyMatch(e -> !e.reference().equals(refused.reference())));
        StoredExchange again = rejected().stream().filter(e -> !e.reference().equals(refused.reference()))
                .findFirst().orElseThrow();
        assertThat(replayed.out()).as("the replay names the new exchange").contains(again.exchangeId());
        assertThat(again.messageId()).isEqualTo(refused.messageId());
        assertThat(gateway.audit().forExchange(again.exchangeId())).extracting(AuditEvent::step)
                .contains("RECEIVED", "REJECTED");
        assertThat(again.reasonCode()).isEqualTo(refused.reasonCode());
        assertThat(gateway.exchangeStore().exchange(refused.reference()).orElseThrow().state())
                .isEqualTo(ExchangeState.REPLAYED);
        List<AuditEvent> trail = gateway.audit().forExchange(refused.exchangeId());
        assertThat(trail).filteredOn(e -> e.step().equals("REPLAY_REQUESTED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("user:operator");
                    assertThat(e.justification()).isEqualTo("schema fixed upstream");
                });

        ToolRun twice = gw("operator", "exchanges", "replay", refused.reference(), "--reason", "again");
        assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(5);
        assertThat(twice.err()).contains("REPLAYED_ALREADY", "message id " + refused.messageId());

        ToolRun discarded = gw("operator", "exchanges", "discard", again.reference(), "--reason",
                "the agency sends a corrected message");
        assertThat(discarded.exitCode()).as(discarded.toString()).isZero();
        assertThat(discarded.out()).contains("DISCARDED");
        assertThat(gateway.exchangeStore().exchange(again.reference()).orElseThrow().state())
                .isEqualTo(ExchangeState.DISCARDED);
    }

    private List<StoredExchange> rejected() {
        return gateway.exchangeStore().find(ExchangeQuery.all().agency(PS).states(ExchangeState.REJECTED))
                .exchanges();
    }

    private ToolRun gw(String user, String... command) {
        String[] args = new String[command.length + 6];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(new String[] {"--gateway", gateway.httpUrl(), "--user", user, "--justification",
                JUSTIFICATION}, 0, args, command.length, 6);
        return ToolRun.of(GwCli.commandLine(ToolEnvironment.of(Map.of("GATEWAY_API_PASSWORD",
                "example-" + user + "-password"))), args);
    }
}
