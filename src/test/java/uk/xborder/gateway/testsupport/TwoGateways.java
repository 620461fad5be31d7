package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The two gateways of {@code config/two-gateways/} — Police Scotland and the Europol-style partner — started in this
 * JVM from those very files, so a test proves the shipped example works. Only what must differ on a test machine is
 * changed: free ports instead of the fixed ones, fresh data directories, and absolute paths to the example PKI.
 * Both transports are available: HTTPS with mutual TLS as shipped, or, instead, one broker between them (the
 * standalone Artemis distribution), which each gateway reaches as a partner broker named {@code exchange}.
 */
public final class TwoGateways implements AutoCloseable {

    /** On the exchange broker: envelopes and receipts for each side. */
    public static final String EUROPOL_INBOX = "europol.inbox";
    public static final String EUROPOL_RECEIPTS = "europol.receipts";
    public static final String POLICE_SCOTLAND_INBOX = "police-scotland.inbox";
    public static final String POLICE_SCOTLAND_RECEIPTS = "police-scotland.receipts";

    /** Settings a test machine must choose itself (RunningGateway does), never the shipped fixed ones. */
    private static final Set<String> MACHINE_SPECIFIC = Set.of("gateway.data-dir", "gateway.directory",
            "gateway.broker.embedded.port", "gateway.api.port", "gateway.https.port");

    private final RunningGateway policeScotland;
    private final RunningGateway europol;

    private TwoGateways(RunningGateway policeScotland, RunningGateway europol) {
        this.policeScotland = policeScotland;
        this.europol = europol;
    }

    /** As shipped: each posts to the other's HTTPS endpoint, with mutual TLS on loopback. */
    public static TwoGateways overHttps(Path folder) throws Exception {
        int psPort = RunningGateway.freePort();
        int euPort = RunningGateway.freePort();
        Map<String, String> endpoints = Map.of(
                "https://localhost:9443/", "https://localhost:" + psPort + "/",
                "https://localhost:9444/", "https://localhost:" + euPort + "/");
        return start(folder, endpoints, endpoints, Map.of("gateway.https.port", Integer.toString(psPort)),
                Map.of("gateway.https.port", Integer.toString(euPort)));
    }

    /** Over one broker between them: each leaves envelopes and receipts for the other in the other's queues there. */
    public static TwoGateways overBroker(Path folder, StandaloneArtemis broker) throws Exception {
        Map<String, String> toEuropol = Map.of("endpoint: https://localhost:9444/exchange/v1/envelopes",
                "endpoint: exchange:queue:" + EUROPOL_INBOX + "\n    receipts: exchange:queue:" + EUROPOL_RECEIPTS);
        Map<String, String> toPoliceScotland = Map.of("endpoint: https://localhost:9443/exchange/v1/envelopes",
                "endpoint: exchange:queue:" + POLICE_SCOTLAND_INBOX + "\n    receipts: exchange:queue:"
                        + POLICE_SCOTLAND_RECEIPTS);
        return start(folder, toEuropol, toPoliceScotland,
                exchangeBroker(broker, "europol", POLICE_SCOTLAND_INBOX, POLICE_SCOTLAND_RECEIPTS),
                exchangeBroker(broker, "police-scotland", EUROPOL_INBOX, EUROPOL_RECEIPTS));
    }

    private static Map<String, String> exchangeBroker(StandaloneArtemis broker, String partner, String inbox,
                                                      String receipts) {
        String prefix = "gateway.partner-broker.exchange.";
        return Map.of("gateway.https.enabled", "false",
                "gateway.partner-brokers", "exchange",
                prefix + "url", broker.url(),
                prefix + "user", broker.user(),
                prefix + "password-file", broker.passwordFile().toString(),
                prefix + "partner", partner,
                prefix + "inbound-queue", inbox,
                prefix + "receipts-queue", receipts);
    }

    private static TwoGateways start(Path folder, Map<String, String> psDirectoryEdits,
                                     Map<String, String> euDirectoryEdits, Map<String, String> psExtra,
                                     Map<String, String> euExtra) throws Exception {
        RunningGateway ps = RunningGateway.start(settings(folder, "police-scotland", psDirectoryEdits, psExtra));
        try {
            RunningGateway eu = RunningGateway.start(settings(folder, "europol", euDirectoryEdits, euExtra));
            return new TwoGateways(ps, eu);
        } catch (Exception | Error e) {
            ps.close();
            throw e;
        }
    }

    private static Map<String, String> settings(Path folder, String side, Map<String, String> directoryEdits,
                                                Map<String, String> extra) throws IOException {
        Path base = RunningGateway.projectDirectory();
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(base.resolve("config/two-gateways/" + side + ".properties"),
                StandardCharsets.UTF_8)) {
            shipped.load(in);
        }
        Map<String, String> settings = new HashMap<>();
        for (String key : shipped.stringPropertyNames()) {
            String value = shipped.getProperty(key).trim();
            if (!MACHINE_SPECIFIC.contains(key)) {
                settings.put(key, value.startsWith("certs-example/") ? base.resolve(value).toString() : value);
            }
        }
        String yaml = Files.readString(base.resolve("config/two-gateways/" + side + "-directory.yaml"))
                .replace("../../certs-example", base.resolve("certs-example").toString());
        for (Map.Entry<String, String> edit : directoryEdits.entrySet()) {
            if (yaml.contains(edit.getKey())) {
                yaml = yaml.replace(edit.getKey(), edit.getValue());
            }
        }
        Path directory = Files.createDirectories(folder.resolve(side)).resolve("directory.yaml");
        Files.writeString(directory, yaml);
        settings.put("gateway.directory", directory.toString());
        settings.putAll(extra);
        return settings;
    }

    public RunningGateway policeScotland() {
        return policeScotland;
    }

    public RunningGateway europol() {
        return europol;
    }

    @Override
    public void close() throws Exception {
        try {
            europol.close();
        } finally {
            policeScotland.close();
        }
    }
}
