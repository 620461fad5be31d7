package uk.xborder.gateway.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;

import uk.xborder.gateway.testsupport.BrokerAccessProbe.Operation;

/**
 * Who may do what on the gateway's broker with the shipped example directory and users, written out by hand as the
 * design states it, and a check of a running broker against it: every user on every address, every operation.
 * The same table holds for the embedded broker and for the external Artemis configured from {@code docker/artemis/}.
 */
public final class BrokerAccessMatrix {

    /** The example users that are not the gateway. */
    public static final List<String> USERS = List.of("police-scotland", "nca", "europol", "spoc-ie", "operator",
            "europol-ops");
    /** An address the gateway made that no permission names: beside an agency's own queues, yet nobody else's. */
    public static final String UNLISTED = "gw.agency.police-scotland.extra";

    // S send, C consume, B browse; "-" nothing. The gateway may do everything everywhere, and it alone creates and
    // deletes queues and addresses and manages the broker. europol-ops is an agency of another gateway: its user
    // exists in the example users file but no queue here is its.
    private static final String TABLE = """
            address                          police-scotland nca europol spoc-ie operator europol-ops
            gw.agency.police-scotland.out    S               -   -       -       -        -
            gw.agency.police-scotland.in     CB              -   -       -       -        -
            gw.agency.police-scotland.status CB              -   -       -       -        -
            gw.agency.nca.out                -               S   -       -       -        -
            gw.agency.nca.in                 -               CB  -       -       -        -
            gw.agency.nca.status             -               CB  -       -       -        -
            gw.partner.europol.out           -               -   CB      -       -        -
            gw.partner.europol.receipts      -               -   CB      -       -        -
            gw.partner.spoc-ie.out           -               -   -       CB      -        -
            gw.partner.spoc-ie.receipts      -               -   -       CB      -        -
            gw.partner.nca.out               -               CB  -       -       -        -
            gw.partner.nca.receipts          -               CB  -       -       -        -
            gw.retry.europol                 -               -   -       -       -        -
            gw.retry.spoc-ie                 -               -   -       -       -        -
            gw.retry.nca                     -               -   -       -       -        -
            gw.retry.police-scotland         -               -   -       -       -        -
            gw.inbound                       -               S   S       S       -        -
            gw.receipts                      -               S   S       S       -        -
            gw.rejected                      -               -   -       -       CB       -
            gw.failed                        -               -   -       -       CB       -
            gw.dlq                           -               -   -       -       CB       -
            gw.expired                       -               -   -       -       CB       -
            gw.agency.police-scotland.extra  -               -   -       -       -        -
            """;

    private static final Map<String, Map<String, Set<Operation>>> EXPECTED = parse();

    private BrokerAccessMatrix() {
    }

    public static List<String> addresses() {
        return List.copyOf(EXPECTED.keySet());
    }

    /** What the table lets a user other than the gateway do on the address. */
    public static Set<Operation> expected(String user, String address) {
        return EXPECTED.get(address).get(user);
    }

    /** Logs in to the broker under test. */
    @FunctionalInterface
    public interface Login {
        /** @param user null for anonymous */
        BrokerAccessProbe as(String user, String password) throws Exception;
    }

    /**
     * Tries everything as everyone against the broker and returns each answer that is not the table's (empty when
     * all agree): the gateway (everything, and management), each example user with its example password, and logins
     * that must be refused (anonymous, a wrong password, the gateway's user with a wrong password).
     */
    public static List<String> disagreements(Login login, String gatewayUser, String gatewayPassword)
            throws Exception {
        return disagreements(login, gatewayUser, gatewayPassword, USERS);
    }

    /** As above, for only some of the table's users: those the broker's users file has. */
    public static List<String> disagreements(Login login, String gatewayUser, String gatewayPassword,
                                             List<String> exampleUsers) throws Exception {
        if (!USERS.containsAll(exampleUsers)) {
            throw new IllegalArgumentException("the table has no column for some of " + exampleUsers);
        }
        List<String> users = new ArrayList<>(exampleUsers);
        users.add(gatewayUser);
        try (BrokerAccessProbe gateway = login.as(gatewayUser, gatewayPassword)) {
            gateway.session().createQueue(QueueConfiguration.of(UNLISTED).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true).setAutoCreateAddress(true));
            for (String address : addresses()) {
                gateway.makeDeletableQueues(address, users);
            }
        }
        List<String> disagreements = new ArrayList<>();
        for (String user : users) {
            boolean isGateway = user.equals(gatewayUser);
            try (BrokerAccessProbe probe = login.as(user, isGateway ? gatewayPassword
                    : ExampleBrokerUsers.password(user))) {
                for (String address : addresses()) {
                    Set<Operation> expected = isGateway ? EnumSet.allOf(Operation.class) : expected(user, address);
                    Set<Operation> actual = probe.allowedOn(address);
                    if (!actual.equals(expected)) {
                        disagreements.add(user + " on " + address + ": allowed " + actual + ", expected " + expected);
                    }
                }
                if (probe.mayManage() != isGateway) {
                    disagreements.add(user + (isGateway ? " may not" : " may") + " manage the broker");
                }
            }
        }
        try (BrokerAccessProbe gateway = login.as(gatewayUser, gatewayPassword)) {
            gateway.removeProbeQueues(addresses(), users);
        }
        refused(login, null, null, "anonymous", disagreements);
        refused(login, "police-scotland", "example-nca-password", "police-scotland with nca's password",
                disagreements);
        refused(login, "nobody", ExampleBrokerUsers.password("nobody"), "a user not in the users file",
                disagreements);
        refused(login, gatewayUser, ExampleBrokerUsers.password(gatewayUser) + "-not",
                "the gateway's user with a wrong password", disagreements);
        return disagreements;
    }

    private static void refused(Login login, String user, String password, String who, List<String> disagreements)
            throws Exception {
        try (BrokerAccessProbe ignored = login.as(user, password)) {
            disagreements.add(who + " logged in");
        } catch (ActiveMQSecurityException expected) {
            // refused, as it must be
        }
    }

    private static Map<String, Map<String, Set<Operation>>> parse() {
        List<String> lines = TABLE.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        if (!header.subList(1, header.size()).equals(USERS)) {
            throw new IllegalStateException("the table's columns are not " + USERS);
        }
        Map<String, Map<String, Set<Operation>>> table = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            Map<String, Set<Operation>> row = new LinkedHashMap<>();
            for (int column = 1; column < cells.length; column++) {
                row.put(header.get(column), operations(cells[column]));
            }
            table.put(cells[0], row);
        }
        return table;
    }

    private static Set<Operation> operations(String cell) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        for (char c : cell.toCharArray()) {
            switch (c) {
                case 'S' -> operations.add(Operation.SEND);
                case 'C' -> operations.add(Operation.CONSUME);
                case 'B' -> operations.add(Operation.BROWSE);
                case '-' -> { }
                default -> throw new IllegalStateException("unknown cell " + cell);
            }
        }
        return operations;
    }
}
