package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import uk.xborder.gateway.GatewayApplication;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.broker.BrokerPermissions;
import uk.xborder.gateway.broker.EmbeddedBroker;
import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.exchange.ExchangeDetail;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.settings.BrokerSettings;

/**
 * The real gateway, started in-process exactly as {@code GatewayApplication} starts it, on its embedded broker with
 * a fresh data directory and a free port; plus JMS clients connected over TCP as the agencies, partners and
 * operators would be, each logged in as its own example user ({@link #client(String)}; the shortcuts below log in
 * as the party the queue belongs to, {@link #userFor(String)}). Every party of its directory has a user: those of
 * the shipped users file, and for parties a test added, users made for it ({@link ExampleBrokerUsers}).
 */
public final class RunningGateway implements AutoCloseable {

    private static final AtomicInteger IN_VM_IDS = new AtomicInteger(100);
    private static final Pattern PARTY_QUEUE =
            Pattern.compile("gw\\.(?:agency|partner)\\.(.+)\\.(?:out|in|status|receipts)");

    private final Path dataDirectory;
    private final int port;
    private final int httpPort;
    private final Map<String, String> overrides;
    private final Map<String, Object> beans;
    private final Map<String, BrokerClient> clients = new HashMap<>();
    private Main main;

    private RunningGateway(Path dataDirectory, int port, Map<String, String> overrides, Map<String, Object> beans)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.httpPort = freePort();
        this.overrides = overrides;
        this.beans = beans;
    }

    public static RunningGateway start() throws Exception {
        return start(Map.of());
    }

    /** Starts with settings overridden, e.g. a partner directory written by the test. */
    public static RunningGateway start(Map<String, String> overrides) throws Exception {
        return start(overrides, Map.of());
    }

    /**
     * Starts with settings overridden and beans bound before start-up, in place of those the gateway would make
     * (the ones {@code GatewayConfiguration} looks up first, e.g. {@code clock} or {@code formatRegistry}).
     */
    public static RunningGateway start(Map<String, String> overrides, Map<String, Object> beans) throws Exception {
        RunningGateway gateway = new RunningGateway(Files.createTempDirectory("gateway-test"), freePort(), overrides,
                beans);
        gateway.boot();
        return gateway;
    }

    /** Stops and starts the gateway again on the same data directory and port: a restart. */
    public void restart() throws Exception {
        shutdown();
        boot();
    }

    private void boot() throws Exception {
        main = new Main(GatewayApplication.class);
        Map<String, String> settings = settings(dataDirectory, port, httpPort);
        settings.putAll(overrides);
        if (!settings.containsKey(BrokerSettings.EMBEDDED_USERS)) {
            settings.putAll(ExampleBrokerUsers.settingsFor(
                    EmbeddedBrokers.directory(Path.of(settings.get("gateway.directory"))),
                    dataDirectory.resolveSibling(dataDirectory.getFileName() + "-broker-users")));
        }
        settings.forEach(main::addOverrideProperty);
        beans.forEach(main::bind);
        main.start();
    }

    /**
     * The settings a test gateway runs with: the shipped directory, example PKI and users, the data directory and
     * ports given, a fresh in-VM id, and quick retries. A child JVM can be given them as system properties.
     */
    public static Map<String, String> settings(Path dataDirectory, int brokerPort, int httpPort) {
        Path base = projectDirectory();
        Map<String, String> settings = new HashMap<>();
        settings.put("gateway.data-dir", dataDirectory.toString());
        settings.put("gateway.directory", base.resolve("config/directory.yaml").toString());
        settings.put("gateway.identity.certificate", base.resolve("certs-example/gateway/cert.pem").toString());
        settings.put("gateway.identity.key", base.resolve("certs-example/gateway/key.pem").toString());
        settings.put("gateway.audit.identity.certificate", base.resolve("certs-example/audit/cert.pem").toString());
        settings.put("gateway.audit.identity.key", base.resolve("certs-example/audit/key.pem").toString());
        settings.put("gateway.broker.url", "vm://" + IN_VM_IDS.incrementAndGet());
        settings.put("gateway.broker.embedded.port", Integer.toString(brokerPort));
        settings.put("camel.server.port", Integer.toString(httpPort));
        settings.put("camel.management.port", Integer.toString(httpPort));
        settings.put("gateway.api.users", base.resolve("config/users.yaml").toString());
        settings.put("gateway.audit.trust", base.resolve("certs-example/uk-root-ca/cert.pem").toString());
        settings.put("gateway.delivery.retries", "1");
        settings.put("gateway.delivery.retry-delay-ms", "50");
        settings.put("gateway.delivery.jitter", "0");
        return settings;
    }

    public static Path projectDirectory() {
        return Path.of(System.getProperty("gateway.test.basedir", ".")).toAbsolutePath();
    }

    /** The base URL of the auditors' REST API and the health and metrics endpoints. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The URL agency systems use to reach this gateway's broker: its embedded broker's, or the external one. */
    public String brokerUrl() {
        if ("false".equals(overrides.get("gateway.broker.embedded"))) {
            return overrides.get("gateway.broker.url");
        }
        return "tcp://127.0.0.1:" + port;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** The gateway's durable audit log, read back for assertions. */
    public AuditTrailView audit() {
        return new AuditTrailView(context().getRegistry().lookupByNameAndType("auditLog", AuditLog.class));
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * A client logged in to this gateway's broker as one of the example users (the agency, partner or operator the
     * test plays), with its published example password; made on first use and closed with the gateway.
     */
    public BrokerClient client(String user) throws JMSException {
        BrokerClient client = clients.get(user);
        if (client == null) {
            client = BrokerClient.asExampleUser(brokerUrl(), user);
            clients.put(user, client);
        }
        return client;
    }

    /**
     * A client logged in as the gateway's own user, over the embedded broker's in-VM acceptor, with the password the
     * broker made at its start: the one user besides an agency that may put a message on the agency's queue.
     */
    public BrokerClient gatewayClient() throws JMSException {
        EmbeddedBroker broker = context().hasService(EmbeddedBroker.class);
        if (broker == null) {
            throw new IllegalStateException("the gateway runs on an external broker");
        }
        Secret password = broker.gatewayPassword();
        try {
            return BrokerClient.login(broker.inVmUrl(), broker.gatewayUser(), new String(password.chars()));
        } finally {
            password.destroy();
        }
    }

    /**
     * The example user who may read or write a queue, as the party it belongs to: gw.agency.X.* agency X,
     * gw.partner.P.* partner P, the holding queues the operator, gw.inbound and gw.receipts the partner europol.
     */
    public static String userFor(String queue) {
        Matcher party = PARTY_QUEUE.matcher(queue);
        if (party.matches()) {
            return party.group(1);
        }
        if (BrokerPermissions.HOLDING_QUEUES.contains(queue)) {
            return ExampleBrokerUsers.OPERATOR;
        }
        if (BrokerPermissions.PARTNER_DROPS.contains(queue)) {
            return "europol";
        }
        throw new IllegalArgumentException("no example user belongs to queue " + queue + ": use client(user)");
    }

    /** Puts a message on the agency's outbound queue as a text message, as the agency; returns its JMS message id. */
    public String send(String agency, String xml) throws JMSException {
        BrokerClient client = client(agency);
        return client.send("gw.agency." + agency + ".out", client.text(xml));
    }

    /** Puts a message on the agency's outbound queue as a bytes message, as the agency; returns its JMS message id. */
    public String sendBytes(String agency, byte[] xml) throws JMSException {
        BrokerClient client = client(agency);
        return client.send("gw.agency." + agency + ".out", client.bytes(xml));
    }

    /**
     * Puts a partner's transport envelope on the gateway's inbound queue, gw.inbound, as the partner europol;
     * returns its JMS message id.
     */
    public String sendEnvelope(byte[] envelope) throws JMSException {
        BrokerClient client = client(userFor("gw.inbound"));
        return client.send("gw.inbound", client.bytes(envelope));
    }

    /**
     * Puts a message on the agency's outbound queue naming a reply-to queue, as a client that expects request-reply
     * would; returns its JMS message id.
     */
    public String sendWithReplyTo(String agency, String xml, String replyQueue) throws JMSException {
        BrokerClient client = client(agency);
        Message message = client.text(xml);
        message.setJMSReplyTo(client.session().createQueue(replyQueue));
        return client.send("gw.agency." + agency + ".out", message);
    }

    /** Waits up to the timeout for the next message on a queue, taking it off the queue, as its owner. */
    public Message receive(String queue, long timeoutMillis) throws JMSException {
        return client(userFor(queue)).receive(queue, null, timeoutMillis);
    }

    /**
     * Waits up to the timeout for the next message on a queue that matches a JMS selector, e.g.
     * {@code GwMessageId = 'PS-1'}, taking it off the queue. Tests share queues, so they select their own messages.
     */
    public Message receive(String queue, String selector, long timeoutMillis) throws JMSException {
        return client(userFor(queue)).receive(queue, selector, timeoutMillis);
    }

    /** Takes every message currently on a queue, as its owner. */
    public List<Message> drain(String queue) throws JMSException {
        return client(userFor(queue)).drain(queue);
    }

    /** The messages on a queue, left in place, as seen by its owner. */
    public List<Message> browse(String queue) throws JMSException {
        return client(userFor(queue)).browse(queue);
    }

    public static byte[] bodyBytes(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return message.getBody(byte[].class);
    }

    /** The gateway's exchange store, read back for assertions. */
    public ExchangeStore exchangeStore() {
        return context().getRegistry().lookupByNameAndType("exchangeStore", ExchangeStore.class);
    }

    /**
     * What the exchange store keeps for the one exchange a holding-queue notice names, opened; the notice itself must
     * carry nothing but that reference.
     */
    public byte[] heldContent(Message notice) throws JMSException {
        String reference = onlyReference(notice);
        return exchangeStore().openContent(reference)
                .orElseThrow(() -> new AssertionError("no content is kept for exchange " + reference)).bytes();
    }

    /**
     * The exchange a holding-queue notice names, for one the gateway keeps no content of (a body refused for its
     * size or its JMS type): the notice carries nothing but that reference, and the store holds no content for it.
     */
    public StoredExchange heldWithoutContent(Message notice) throws JMSException {
        String reference = onlyReference(notice);
        ExchangeDetail detail = exchangeStore().get(reference)
                .orElseThrow(() -> new AssertionError("exchange " + reference + " is not in the exchange store"));
        if (detail.content().isPresent()) {
            throw new AssertionError("content is kept for exchange " + reference + ": " + detail.content().get());
        }
        return detail.exchange();
    }

    /** The one exchange reference a holding-queue notice names, checked to be all that it carries. */
    private static String onlyReference(Message notice) throws JMSException {
        String reference = notice.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
        if (reference == null || reference.contains(",")) {
            throw new AssertionError("the notice names no single exchange reference: " + reference);
        }
        if (!bodyText(notice).equals(reference)) {
            throw new AssertionError("a holding-queue notice carries its reference and nothing else");
        }
        return reference;
    }

    public static String bodyText(Message message) throws JMSException {
        return new String(bodyBytes(message), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void shutdown() throws Exception {
        for (BrokerClient client : clients.values()) {
            client.close();
        }
        clients.clear();
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    @Override
    public void close() throws Exception {
        shutdown();
    }

    /** A port nothing listens on now, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
