package uk.xborder.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults the command-line tools take from the gateway's settings, so that on the gateway's own machine they
 * find it without being told: the auditors' API ({@code --gateway}) where the gateway serves it, and the broker
 * ({@code --broker}) where agency systems reach it. The one place the tools read settings; it moves to the typed
 * settings of the API and broker when those exist.
 */
final class CliDefaults implements CommandLine.IDefaultValueProvider {

    private final GatewaySettings settings;

    CliDefaults(GatewaySettings settings) {
        this.settings = settings;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return switch (option.longestName()) {
                case "--gateway" -> apiUrl();
                case "--broker" -> brokerUrl();
                default -> null;
            };
        }
        return null;
    }

    /** The HTTP server the gateway serves its API on ({@code camel.server.*}). */
    String apiUrl() {
        return "http://" + reachable(settings.getOrEmpty("camel.server.host")) + ":"
                + settings.getOrEmpty("camel.server.port");
    }

    /** An external broker's TCP URL when the gateway uses one, else the embedded broker's acceptor. */
    String brokerUrl() {
        String url = settings.getOrEmpty("gateway.broker.url");
        if ("false".equalsIgnoreCase(settings.getOrEmpty("gateway.broker.embedded")) && url.startsWith("tcp://")) {
            return url;
        }
        return "tcp://" + reachable(settings.getOrEmpty("gateway.broker.embedded.host")) + ":"
                + settings.getOrEmpty("gateway.broker.embedded.port");
    }

    /** A server bound to every interface is reached on the loopback one. */
    private static String reachable(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }
}
