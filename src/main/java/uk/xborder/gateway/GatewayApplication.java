package uk.xborder.gateway;

import org.apache.camel.main.Main;

import uk.xborder.gateway.settings.SettingsSource;

/**
 * Starts the gateway: Camel Main with the routes in {@code routes/}, the beans of {@link GatewayConfiguration} (found
 * by package scan) and the settings of {@code application.properties}, overridden by the file named in
 * {@code GATEWAY_CONFIG}, environment variables and system properties ({@link SettingsSource} gives the order, and
 * the command-line tools read settings through it too).
 */
public final class GatewayApplication {

    private GatewayApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(GatewayApplication.class);
        readSettings(main);
        main.run(args);
    }

    /** Where a Camel Main reads the gateway's settings: the locations {@link SettingsSource} reads too. */
    public static void readSettings(Main main) {
        main.setPropertyPlaceholderLocations(SettingsSource.locations(System.getenv()));
    }
}
