package uk.xborder.gateway.cli;

import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import uk.xborder.gateway.settings.GatewaySettings;

/**
 * The defaults the command-line tools take from the gateway's settings, read exactly as the gateway reads them
 * ({@link GatewaySettings#load()}), so that on the gateway's own machine they find it without being told: the
 * auditors' API ({@code --gateway}) where the gateway serves it, and the broker ({@code --broker}) where agency
 * systems reach it. Settings are read only when a default is actually needed.
 */
final class CliDefaults implements CommandLine.IDefaultValueProvider {

    private final Supplier<GatewaySettings> settings;
    private GatewaySettings loaded;

    CliDefaults(Supplier<GatewaySettings> settings) {
        this.settings = settings;
    }

    static CliDefaults fromGatewaySettings() {
        return new CliDefaults(GatewaySettings::load);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return switch (option.longestName()) {
                case "--gateway" -> settings().api().baseUrl();
                case "--broker" -> settings().broker().agencyUrl();
                case "--gateway-trust" -> settings().api().trust().isEmpty() ? null : String.join(",",
                        settings().api().trust().stream().map(Object::toString).toList());
                default -> null;
            };
        }
        return null;
    }

    private GatewaySettings settings() {
        if (loaded == null) {
            loaded = settings.get();
        }
        return loaded;
    }
}
