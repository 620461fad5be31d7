package uk.xborder.gateway.startup;

import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.settings.PartnerBrokerSettings;

/**
 * What makes a gateway reachable from beyond its own host, or part of something beyond it: a listener (the HTTP port,
 * the inbound HTTPS endpoint, the embedded broker's acceptor) on an address other than the loopback, or a broker or
 * database on another host. Each reason names its setting. Hosts only are named, never a whole URL, which may carry
 * credentials.
 *
 * <p>Decision: a broker or database on this host's loopback (a standalone Artemis or PostgreSQL beside the gateway,
 * as in the two-gateway example) does not count; one that other hosts share does.
 */
record Exposure(List<String> reasons) {

    Exposure {
        reasons = List.copyOf(reasons);
    }

    static Exposure of(GatewaySettings settings) {
        List<String> reasons = new ArrayList<>();
        listener(reasons, "gateway.api.host", settings.api().host());
        if (settings.https().enabled()) {
            listener(reasons, "gateway.https.host", settings.https().host());
        }
        BrokerSettings broker = settings.broker();
        if (broker.embedded()) {
            listener(reasons, "gateway.broker.embedded.host", broker.embeddedHost());
        } else {
            remote(reasons, "gateway.broker.url", "a broker", broker.url());
        }
        for (PartnerBrokerSettings partner : settings.partnerBrokers()) {
            remote(reasons, PartnerBrokerSettings.PREFIX + partner.name() + ".url", "a partner's broker",
                    partner.url());
        }
        remote(reasons, "gateway.audit.store.url", "a database", settings.audit().store().jdbcUrl());
        return new Exposure(reasons);
    }

    boolean reachable() {
        return !reasons.isEmpty();
    }

    private static void listener(List<String> reasons, String setting, String host) {
        if (!Loopback.isLoopback(host)) {
            reasons.add(setting + " is " + host + ", beyond the loopback");
        }
    }

    private static void remote(List<String> reasons, String setting, String what, String url) {
        List<String> beyond = Loopback.hostsOf(url).stream().filter(host -> !Loopback.isLoopback(host)).toList();
        if (!beyond.isEmpty()) {
            reasons.add(setting + " reaches " + what + " on another host (" + String.join(", ", beyond) + ")");
        }
    }
}
