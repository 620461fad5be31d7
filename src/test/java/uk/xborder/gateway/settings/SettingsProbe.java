package uk.xborder.gateway.settings;

import org.apache.camel.main.Main;

import uk.xborder.gateway.GatewayApplication;

/**
 * Run in a child JVM by {@link SettingsPrecedenceTest}, with the environment and system properties the test chose:
 * prints the settings as a Camel Main configured like the gateway's sees them ({@code gateway|...}) and as a
 * command-line tool sees them ({@code tool|...}).
 */
public final class SettingsProbe {

    private SettingsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        GatewayApplication.readSettings(main);
        // Nothing but the properties: no routes, no HTTP server. These keys are not the ones compared.
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:no-routes-here/*.camel.yaml");
        main.addOverrideProperty("camel.server.enabled", "false");
        main.addOverrideProperty("camel.management.enabled", "false");
        main.start();
        try {
            print("gateway", GatewaySettings.from(main.getCamelContext().getPropertiesComponent()));
        } finally {
            main.stop();
        }
        print("tool", GatewaySettings.load());
        System.out.flush();
    }

    private static void print(String reader, GatewaySettings settings) {
        System.out.println(reader + "|max-message-bytes=" + settings.outbound().maxMessageBytes());
        System.out.println(reader + "|directory=" + settings.directoryFile());
        System.out.println(reader + "|data-dir=" + settings.dataDir());
        System.out.println(reader + "|embedded-port=" + settings.broker().embeddedPort());
        System.out.println(reader + "|users=" + settings.api().usersFile());
        System.out.println(reader + "|api=" + settings.api().baseUrl());
        System.out.println(reader + "|agency-broker=" + settings.broker().agencyUrl());
    }
}
