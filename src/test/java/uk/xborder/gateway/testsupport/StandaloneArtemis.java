package uk.xborder.gateway.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The standalone Apache Artemis distribution (unpacked into {@code target/} by the build) run as a broker of its
 * own, in a separate process, as a partner's broker would be: an instance created with {@code artemis create} on
 * the loopback interface, with a port offset that leaves the one acceptor on a free port, login required, no web
 * console; started with {@code bin/artemis run}, ready once its acceptor takes a login. {@link #close()} stops it
 * and kills what is left of its process tree, and a JVM that exits without closing it kills it too.
 *
 * <p>It also acts as the partner's own client: {@link #send}, {@link #receive} and {@link #browse} queues on it.
 */
public final class StandaloneArtemis implements AutoCloseable {

    /** Where the build unpacks the distribution; the surefire configuration passes it. */
    public static final String HOME_PROPERTY = "gateway.test.artemis-home";

    private static final int DEFAULT_PORT = 61616;
    // Offsets that keep the acceptor above Linux's ephemeral port range (32768-60999), where nothing else binds.
    private static final int HIGHEST_OFFSET = 65535 - DEFAULT_PORT;
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(15);

    private final Path directory;
    private final Path instance;
    private final int port;
    private final String user;
    private final String password;
    private final ActiveMQConnectionFactory clients;
    private Process process;
    private Thread killOnExit;

    private StandaloneArtemis(Path directory, int port, String user, String password) {
        this.directory = directory;
        this.instance = directory.resolve("instance");
        this.port = port;
        this.user = user;
        this.password = password;
        this.clients = new ActiveMQConnectionFactory(url());
    }

    /**
     * Creates a broker instance (not yet running) in a fresh directory, with login required for {@code user} and a
     * random password, on a free port.
     */
    public static StandaloneArtemis create(String user) throws Exception {
        return create(user, UUID.randomUUID().toString());
    }

    /**
     * Creates a broker instance (not yet running) whose {@code etc/} files are then replaced by those of
     * {@code etcOverride}, as the Artemis container image does with a folder mounted on its {@code etc-override}; the
     * acceptor the files give ({@code tcp://0.0.0.0:61616}) is moved to this instance's free port on loopback. The
     * instance's own client logs in as {@code user} with {@code password}, which the files must know.
     */
    public static StandaloneArtemis createWithConfiguration(Path etcOverride, String user, String password)
            throws Exception {
        StandaloneArtemis broker = create(user, password);
        Path etc = broker.instance.resolve("etc");
        try (Stream<Path> files = Files.list(etcOverride)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().equals("broker.xml")) {
                    String shipped = "tcp://0.0.0.0:61616";
                    if (!text.contains(shipped)) {
                        throw new IllegalStateException(file + " has no acceptor " + shipped);
                    }
                    text = text.replace(shipped, "tcp://127.0.0.1:" + broker.port);
                }
                Files.writeString(etc.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
        return broker;
    }

    private static StandaloneArtemis create(String user, String password) throws Exception {
        Path directory = Files.createTempDirectory("standalone-artemis");
        int offset = freeOffset();
        StandaloneArtemis broker = new StandaloneArtemis(directory, DEFAULT_PORT + offset, user, password);
        Files.writeString(broker.passwordFile(), broker.password, StandardCharsets.UTF_8);
        Path log = directory.resolve("create.log");
        Process create = broker.artemis(home().resolve("bin/artemis"), log, "create", broker.instance.toString(),
                "--host", "127.0.0.1", "--http-host", "127.0.0.1", "--nio", "--no-web",
                "--port-offset", Integer.toString(offset),
                "--no-amqp-acceptor", "--no-hornetq-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--no-autotune", "--require-login", "--user", user, "--password", broker.password, "--silent");
        if (!create.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("artemis create failed:\n" + tail(log));
        }
        return broker;
    }

    /** The unpacked distribution. */
    public static Path home() {
        String given = System.getProperty(HOME_PROPERTY);
        Path home = given != null ? Path.of(given)
                : RunningGateway.projectDirectory().resolve("target/apache-artemis-2.56.0");
        if (!Files.isRegularFile(home.resolve("bin/artemis"))) {
            throw new IllegalStateException("no Artemis distribution at " + home
                    + ": the build unpacks it before the tests (mvn process-test-resources)");
        }
        return home;
    }

    /** Starts the broker and waits until its acceptor takes a login. */
    public synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("the broker is already running");
        }
        Process started = artemis(instance.resolve("bin/artemis"), directory.resolve("run.log"), "run");
        process = started;
        killOnExit = new Thread(() -> killTree(started), "kill-standalone-artemis");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100)).until(this::acceptsLogin);
        } catch (RuntimeException | Error e) {
            String log = tail(directory.resolve("run.log"));
            stop();
            throw new IllegalStateException("the standalone broker did not come up:\n" + log, e);
        }
    }

    private boolean acceptsLogin() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the broker process exited with " + process.exitValue());
        }
        try (Connection ignored = connect()) {
            return true;
        } catch (JMSException notYet) {
            return false;
        }
    }

    /** Stops the broker (gracefully if it will, else by force) and whatever it started; a no-op when stopped. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        killTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already exiting; the hook runs anyway.
        }
        process = null;
    }

    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker and removes its instance. */
    @Override
    public void close() throws IOException {
        stop();
        clients.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The broker's URL for a client on this host. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** A file holding the user's password, as a gateway's {@code ...password-file} setting names it. */
    public Path passwordFile() {
        return directory.resolve("password");
    }

    /** Puts a bytes message with string properties on a queue, as the partner would. */
    public void send(String queue, byte[] body, Map<String, String> properties) throws JMSException {
        try (Connection connection = connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(message);
            }
        }
    }

    /** Takes the next message on a queue that matches the selector (null for any), waiting up to the timeout. */
    public Message receive(String queue, String selector, long timeoutMillis) throws JMSException {
        try (Connection connection = connect()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                Message message = consumer.receive(timeoutMillis);
                if (message instanceof BytesMessage bytes) {
                    // Read the body while the connection is open.
                    bytes.getBody(byte[].class);
                    bytes.reset();
                }
                return message;
            }
        }
    }

    /** The messages on a queue that match the selector (null for all), left in place. */
    public List<Message> browse(String queue, String selector) throws JMSException {
        try (Connection connection = connect()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
                List<Message> messages = new ArrayList<>();
                for (Object message : Collections.list(browser.getEnumeration())) {
                    messages.add((Message) message);
                }
                return messages;
            }
        }
    }

    private Connection connect() throws JMSException {
        return clients.createConnection(user, password);
    }

    /** Runs the distribution's or the instance's {@code artemis} script with this JVM and a small heap. */
    private Process artemis(Path script, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // Replaces the instance profile's JAVA_ARGS (a 512 MiB minimum heap): the machine runs several builds.
        environment.put("JAVA_ARGS", "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                + " -Dlog4j2.disableJmx=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(1, HIGHEST_OFFSET + 1);
            try (ServerSocket probe = new ServerSocket(DEFAULT_PORT + offset, 1, InetAddress.getLoopbackAddress())) {
                return offset;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port above " + DEFAULT_PORT + " on the loopback interface");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
