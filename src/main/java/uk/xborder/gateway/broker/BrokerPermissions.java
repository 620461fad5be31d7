package uk.xborder.gateway.broker;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.core.security.Role;

import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;

/**
 * Who may do what on the gateway's broker, derived from the partner directory: the address permissions (Artemis
 * security settings, one per queue) and the queues they cover, which the broker declares at start so that nobody but
 * the gateway ever needs to create one.
 * <pre>
 *   agency-X    sends to gw.agency.X.out; consumes and browses gw.agency.X.in and gw.agency.X.status
 *   partner-P   sends to gw.inbound and gw.receipts; consumes and browses P's endpoint and receipt queues when they
 *               are on this broker (by default gw.partner.P.out and gw.partner.P.receipts)
 *   operator    consumes and browses the holding queues gw.rejected, gw.failed, gw.dlq, gw.dlq.unkept and
 *               gw.expired
 *   (nobody)    gw.retry.P, where P's deliveries wait between attempts, is the gateway's alone
 *   gateway     everything on every address: send, consume, browse, create and delete queues and addresses, manage
 * </pre>
 * Any other address, the management address among them, is the gateway's alone. Artemis applies only the most
 * specific match to an address, so each queue's setting names the gateway's role too.
 */
public final class BrokerPermissions {

    /** The gateway's own role. */
    public static final String GATEWAY = "gateway";
    /** People who look after the holding queues. */
    public static final String OPERATOR = "operator";
    public static final List<String> HOLDING_QUEUES = List.of("gw.rejected", "gw.failed", "gw.dlq", "gw.dlq.unkept",
            "gw.expired");
    /** Where partners on this broker leave envelopes and receipts for the gateway. */
    public static final List<String> PARTNER_DROPS = List.of("gw.inbound", "gw.receipts");

    // An endpoint on the gateway's own broker: the component "jms", a queue, optional parameters.
    private static final Pattern OWN_BROKER_QUEUE = Pattern.compile("jms:(?:queue:)?([^?:]+)(?:\\?.*)?");

    /** What a role other than the gateway's may do on one address. */
    public enum Access { SEND, CONSUME, BROWSE }

    private final Map<String, Map<String, Set<Access>>> byAddress = new LinkedHashMap<>();

    private BrokerPermissions() {
    }

    public static String agencyRole(String agencyId) {
        return "agency-" + agencyId;
    }

    public static String partnerRole(String partnerId) {
        return "partner-" + partnerId;
    }

    public static BrokerPermissions of(PartyDirectory directory) {
        BrokerPermissions permissions = new BrokerPermissions();
        for (Agency agency : directory.agencies()) {
            String role = agencyRole(agency.id());
            permissions.grant(agency.outboundQueue(), role, Access.SEND);
            permissions.grant(agency.inboundQueue(), role, Access.CONSUME, Access.BROWSE);
            permissions.grant(agency.statusQueue(), role, Access.CONSUME, Access.BROWSE);
        }
        for (String queue : HOLDING_QUEUES) {
            permissions.grant(queue, OPERATOR, Access.CONSUME, Access.BROWSE);
        }
        for (String queue : PARTNER_DROPS) {
            permissions.declare(queue);
        }
        for (Partner partner : directory.partners()) {
            permissions.declare(retryQueue(partner.id()));
            String role = partnerRole(partner.id());
            for (String queue : PARTNER_DROPS) {
                permissions.grant(queue, role, Access.SEND);
            }
            ownBrokerQueue(partner.endpoint()).ifPresent(queue ->
                    permissions.grant(queue, role, Access.CONSUME, Access.BROWSE));
            partner.receiptEndpoint().flatMap(BrokerPermissions::ownBrokerQueue).ifPresent(queue ->
                    permissions.grant(queue, role, Access.CONSUME, Access.BROWSE));
        }
        return permissions;
    }

    /**
     * Where a partner's deliveries wait between attempts (outbound.PendingDelivery): sealed envelopes addressed to
     * the partner, the gateway's alone.
     */
    public static String retryQueue(String partnerId) {
        return "gw.retry." + partnerId;
    }

    /** The queue an endpoint names on the gateway's own broker ({@code jms:queue:NAME}); empty for any other. */
    static Optional<String> ownBrokerQueue(String endpoint) {
        Matcher queue = OWN_BROKER_QUEUE.matcher(endpoint);
        return queue.matches() ? Optional.of(queue.group(1)) : Optional.empty();
    }

    /** The queues the broker declares at start, one anycast address of the same name each. */
    public Set<String> queues() {
        return new LinkedHashSet<>(byAddress.keySet());
    }

    /** What each role may do on an address; empty for an address that is the gateway's alone. */
    public Map<String, Set<Access>> grants(String address) {
        Map<String, Set<Access>> grants = new LinkedHashMap<>();
        byAddress.getOrDefault(address, Map.of()).forEach((role, access) -> grants.put(role, Set.copyOf(access)));
        return Map.copyOf(grants);
    }

    /** The Artemis security settings: address match to roles. */
    public Map<String, Set<Role>> securitySettings() {
        Map<String, Set<Role>> settings = new LinkedHashMap<>();
        settings.put("#", Set.of(gateway()));
        byAddress.forEach((address, grants) -> {
            Set<Role> roles = new LinkedHashSet<>();
            roles.add(gateway());
            grants.forEach((role, access) -> roles.add(new Role(role, access.contains(Access.SEND),
                    access.contains(Access.CONSUME), false, false, false, false, false,
                    access.contains(Access.BROWSE), false, false, false, false)));
            settings.put(address, roles);
        });
        return settings;
    }

    private static Role gateway() {
        return new Role(GATEWAY, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    private void declare(String queue) {
        // A wildcard in a name would make its permission a pattern that covers other parties' queues.
        if (queue.contains("#") || queue.contains("*")) {
            throw new IllegalArgumentException("the queue name '" + queue + "' contains a broker wildcard (# or *): "
                    + "a party id or endpoint queue must not");
        }
        byAddress.computeIfAbsent(queue, q -> new LinkedHashMap<>());
    }

    private void grant(String queue, String role, Access... access) {
        declare(queue);
        byAddress.get(queue).computeIfAbsent(role, r -> EnumSet.noneOf(Access.class)).addAll(List.of(access));
    }
}
