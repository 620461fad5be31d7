package uk.xborder.gateway;

import org.apache.camel.main.Main;

/**
 * Starts the gateway: Camel Main with the routes in {@code routes/}, the beans of {@link GatewayConfiguration} (found by package scan) and the
 * settings of {@code application.properties} (each one can be overridden by a system property or an environment
 * variable, e.g. {@code GATEWAY_DATA_DIR}).
 */
public final class GatewayApplication {

    private GatewayApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(GatewayApplication.class);
        String externalSettings = System.getenv("GATEWAY_CONFIG");
        if (externalSettings != null && !externalSettings.isBlank()) {
            // Settings in the operator's file take precedence over the packaged defaults.
            main.setPropertyPlaceholderLocations("file:" + externalSettings + ",classpath:application.properties");
        }
        main.run(args);
    }
}
