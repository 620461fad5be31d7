package uk.xborder.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * From outside, as an operator would try it: 1,500 reports sent to the distribution's gateway, the gateway killed
 * (SIGKILL) after 500 status notices, started again on the same data; then every status notice and every partner
 * delivery counted per message. Run: {@code mvn -Pbench verify} once (for the distribution), then
 * {@code mvn -Pbench test-compile exec:java -Dexec.mainClass=uk.xborder.gateway.bench.CrashProbe}.
 * A notice the agency's client took just before the kill may come again: the broker, inside the killed process,
 * had not yet recorded its acknowledgement. The gateway's audit log says whether the gateway itself sent it twice.
 */
public final class CrashProbe {
    public static void main(String[] args) throws Exception {
        Path dist = Path.of(System.getProperty("probe.dist", "target/xborder-gateway")).toAbsolutePath();
        Path out = Files.createTempDirectory("crash");
        Path data = out.resolve("data");
        int broker = RunningGateway.freePort();
        int api = RunningGateway.freePort();
        Map<String, String> env = Map.of("GATEWAY_DATA_DIR", data.toString(),
                "GATEWAY_DIRECTORY", BenchDirectory.write(dist, out.resolve("directory.yaml")).toString(),
                "GATEWAY_BROKER_EMBEDDED_PORT", Integer.toString(broker), "GATEWAY_API_PORT", Integer.toString(api));
        String url = "tcp://127.0.0.1:" + broker + "?reconnectAttempts=-1&retryInterval=200";
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + api + "/observe/health");
        MonitoredProcess first = start(dist, env, out.resolve("first.log"), http, health);
        String run = "PS-CRASH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        ExchangeLoad.Traffic traffic = BenchTraffic.outbound(run);
        int total = 1500;
        Map<String, AtomicInteger> notices = new ConcurrentHashMap<>();
        Map<String, Map<String, AtomicInteger>> deliveries = new ConcurrentHashMap<>();
        try (Connection agency = new ActiveMQConnectionFactory(url).createConnection("police-scotland",
                ExampleBrokerUsers.password("police-scotland"))) {
            agency.start();
            Session send = agency.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = send.createProducer(send.createQueue(traffic.sendQueue()));
            for (int i = 0; i < total; i++) {
                producer.send(traffic.bodies().create(send, i, traffic.ids().apply(i)));
            }
            System.out.println("sent " + total);
            Session status = agency.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer notes = status.createConsumer(status.createQueue(traffic.completions()));
            while (notices.size() < 500) {
                Message m = notes.receive(60_000);
                notices.computeIfAbsent(m.getJMSCorrelationID(), k -> new AtomicInteger()).incrementAndGet();
            }
            first.kill();
            System.out.println("killed after " + notices.size() + " status notices");
        }
        try (MonitoredProcess second = start(dist, env, out.resolve("second.log"), http, health);
             Connection agency = new ActiveMQConnectionFactory(url).createConnection("police-scotland",
                     ExampleBrokerUsers.password("police-scotland"))) {
            agency.start();
            Session status = agency.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer notes = status.createConsumer(status.createQueue(traffic.completions()));
            for (Message m; (m = notes.receive(20_000)) != null; ) {
                if (notices.computeIfAbsent(m.getJMSCorrelationID(), k -> new AtomicInteger()).incrementAndGet() > 1) {
                    System.out.println("notice again for " + m.getJMSCorrelationID() + ": redelivered by the broker "
                            + m.getJMSRedelivered() + ", delivery count " + m.getIntProperty("JMSXDeliveryCount"));
                }
            }
            for (Map.Entry<String, String> drain : traffic.drains().entrySet()) {
                try (Connection partner = new ActiveMQConnectionFactory(url).createConnection(drain.getValue(),
                        ExampleBrokerUsers.password(drain.getValue()))) {
                    partner.start();
                    Session s = partner.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageConsumer c = s.createConsumer(s.createQueue(drain.getKey()));
                    Map<String, AtomicInteger> counts = deliveries.computeIfAbsent(drain.getKey(),
                            k -> new ConcurrentHashMap<>());
                    for (Message m; (m = c.receive(5_000)) != null; ) {
                        counts.computeIfAbsent(String.valueOf(m.getStringProperty(GatewayHeaders.MESSAGE_ID)),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }
        }
        long twice = notices.values().stream().filter(n -> n.get() > 1).count();
        System.out.printf("status notices: %d distinct of %d sent, %d given twice%n", notices.size(), total, twice);
        deliveries.forEach((queue, counts) -> System.out.printf("%s: %d distinct, %d twice, %d total%n", queue,
                counts.size(), counts.values().stream().filter(n -> n.get() > 1).count(),
                counts.values().stream().mapToInt(AtomicInteger::get).sum()));
        System.out.println("data in " + data);
    }

    private static MonitoredProcess start(Path dist, Map<String, String> env, Path log,
                                          HttpClient http, URI health) throws Exception {
        return MonitoredProcess.start("gateway", List.of(dist.resolve("bin/gateway").toString()), env, dist, log)
                .awaitReady(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(health).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                }, Duration.ofMinutes(2));
    }
}
