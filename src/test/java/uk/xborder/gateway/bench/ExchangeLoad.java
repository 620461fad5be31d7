package uk.xborder.gateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import uk.xborder.gateway.testsupport.ExampleBrokerUsers;

/**
 * Load on a broker from outside, as the parties' own systems would put it there: JMS clients over TCP, each logged in
 * as its example user. One side sends ({@link Traffic#sender}) and the harness waits for each message's completion
 * on a queue ({@link Traffic#completions}, e.g. the agency's status notice, correlated by an id); the other queues the
 * exchange fills (the partners' envelopes) are drained and counted, so nothing piles up on the broker between phases.
 * <p>
 * Two ways to load it: {@link #saturate} keeps a fixed number of messages in flight (closed loop: the most it
 * sustains) and {@link #paced} sends at a fixed rate whatever happens (open loop), timing each message from the
 * moment it was due to be sent to its completion, so that a stall counts against every message it delays.
 */
final class ExchangeLoad implements AutoCloseable {

    /** What is sent, by whom, and what says it is done. */
    record Traffic(String sender, String sendQueue, LongFunction<String> ids, BodyFactory bodies,
                   String completionUser, String completions, CompletionId completionId, Map<String, String> drains) {
    }

    /** The body of the i-th message, carrying the id its completion will name. */
    @FunctionalInterface
    interface BodyFactory {
        Message create(Session session, long index, String id) throws Exception;
    }

    /** The id a completion names, and whether it says the message went through (else it counts as a failure). */
    @FunctionalInterface
    interface CompletionId {
        Completion read(Message message) throws JMSException;
    }

    record Completion(String id, boolean succeeded) {
    }

    /** One measured stretch of closed-loop load. */
    /**
     * One measured stretch of closed-loop load; {@code compilerCpuMillisPerMessage} is the part of the CPU that the
     * JIT compiler threads used, large when the warm-up was too short for the JVM to settle.
     */
    record Saturation(long messages, double seconds, double perSecond, double cpuMillisPerMessage,
                      double compilerCpuMillisPerMessage) {
    }

    /** One measured stretch of open-loop load: the latency of each message from when it was due. */
    record Paced(double targetPerSecond, double achievedPerSecond, long messages, Histogram latencyMicros,
                 double cpuMillisPerMessage) {
    }

    private final String brokerUrl;
    private final Traffic traffic;
    private final List<Connection> connections = new ArrayList<>();
    private final Map<String, Long> dueNanos = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> drained = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong strays = new AtomicLong();
    private final Object progress = new Object();
    /** Outstanding messages allowed while saturating; none (no limit) while pacing. */
    private volatile Semaphore window;
    private volatile Histogram recording;
    private final List<Sender> senders = new ArrayList<>();

    /** One sending session: a JMS session is for one thread at a time. */
    private record Sender(Session session, MessageProducer producer) {
    }

    /** Connects the clients; {@code senderCount} sessions send (in parallel while saturating, so that the
     * sender's wait for the broker's journal is not what limits the most sustained rate). */
    ExchangeLoad(String brokerUrl, Traffic traffic, int senderCount) throws JMSException {
        this.brokerUrl = brokerUrl;
        this.traffic = traffic;
        Session completions = session(traffic.completionUser());
        MessageConsumer consumer = completions.createConsumer(completions.createQueue(traffic.completions()));
        consumer.setMessageListener(this::completed);
        for (Map.Entry<String, String> drain : traffic.drains().entrySet()) {
            AtomicLong count = drained.computeIfAbsent(drain.getKey(), q -> new AtomicLong());
            Session session = session(drain.getValue());
            session.createConsumer(session.createQueue(drain.getKey())).setMessageListener(m -> count.incrementAndGet());
        }
        for (int i = 0; i < senderCount; i++) {
            Session session = session(traffic.sender());
            senders.add(new Sender(session, session.createProducer(session.createQueue(traffic.sendQueue()))));
        }
    }

    private Session session(String user) throws JMSException {
        Connection connection = new ActiveMQConnectionFactory(brokerUrl)
                .createConnection(user, ExampleBrokerUsers.password(user));
        connections.add(connection);
        connection.start();
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private void completed(Message message) {
        try {
            Completion completion = traffic.completionId().read(message);
            Long due = completion.id() == null ? null : dueNanos.remove(completion.id());
            if (due == null) {
                strays.incrementAndGet();
                return;
            }
            Histogram histogram = recording;
            if (histogram != null) {
                histogram.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
            }
            if (!completion.succeeded()) {
                failed.incrementAndGet();
            }
            Semaphore inFlight = window;
            if (inFlight != null) {
                inFlight.release();
            }
            synchronized (progress) {
                completed.incrementAndGet();
                progress.notifyAll();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps {@code inFlight} messages outstanding; the first {@code warmUp} completions are not counted, the next
     * {@code measured} are, with the CPU the process under load used meanwhile.
     */
    Saturation saturate(int warmUp, int measured, int inFlight, MonitoredProcess underLoad) throws Exception {
        window = new Semaphore(inFlight);
        long start = completed.get();
        long total = (long) warmUp + measured;
        AtomicLong toSend = new AtomicLong(total);
        List<Thread> threads = new ArrayList<>();
        for (Sender sender : senders) {
            Thread thread = new Thread(() -> {
                while (toSend.getAndDecrement() > 0) {
                    window.acquireUninterruptibly();
                    send(sender, System.nanoTime());
                }
            }, "bench-sender-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        awaitCompleted(start + warmUp, Duration.ofMinutes(10));
        long from = System.nanoTime();
        double cpuFrom = underLoad.cpuMillis();
        double compilerFrom = underLoad.compilerCpuMillis();
        awaitCompleted(start + total, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - from) / 1e9;
        double cpu = underLoad.cpuMillis() - cpuFrom;
        double compiler = underLoad.compilerCpuMillis() - compilerFrom;
        for (Thread thread : threads) {
            thread.join();
        }
        window = null;
        return new Saturation(measured, seconds, measured / seconds, cpu / measured, compiler / measured);
    }

    /**
     * Sends at {@code perSecond} for the warm-up and then for the measured stretch, recording the latency of the
     * measured messages only; then waits for the last of them.
     */
    Paced paced(double perSecond, Duration warmUp, Duration measured, MonitoredProcess underLoad) throws Exception {
        long interval = (long) (1e9 / perSecond);
        long warmUpCount = Math.max(1, (long) (warmUp.toNanos() / (double) interval));
        long measuredCount = Math.max(1, (long) (measured.toNanos() / (double) interval));
        Histogram histogram = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        long first = completed.get();
        long origin = System.nanoTime();
        long measuredFrom = 0;
        double cpuFrom = 0;
        for (long i = 0; i < warmUpCount + measuredCount; i++) {
            long due = origin + i * interval;
            if (i == warmUpCount) {
                awaitCompleted(first + warmUpCount, Duration.ofMinutes(5));
                recording = histogram;
                origin = System.nanoTime() - i * interval;
                due = origin + i * interval;
                measuredFrom = System.nanoTime();
                cpuFrom = underLoad.cpuMillis();
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(senders.get(0), due);
        }
        double sendingSeconds = (System.nanoTime() - measuredFrom) / 1e9;
        awaitCompleted(first + warmUpCount + measuredCount, Duration.ofMinutes(10));
        double cpu = underLoad.cpuMillis() - cpuFrom;
        recording = null;
        return new Paced(perSecond, measuredCount / sendingSeconds, measuredCount, histogram, cpu / measuredCount);
    }

    private void send(Sender sender, long dueNanos) {
        long index = sent.getAndIncrement();
        String id = traffic.ids().apply(index);
        try {
            Message message = traffic.bodies().create(sender.session(), index, id);
            message.setStringProperty(ID_PROPERTY, id);
            this.dueNanos.put(id, dueNanos);
            sender.producer().send(message);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send message " + id, e);
        }
    }

    private void awaitCompleted(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (completed.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("only " + completed.get() + " of " + count
                            + " messages completed within " + timeout + " (" + failed.get() + " failed)");
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    long sent() {
        return sent.get();
    }

    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }

    long strays() {
        return strays.get();
    }

    /** How many messages each drained queue has given up so far. */
    Map<String, Long> drained() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        drained.forEach((queue, count) -> counts.put(queue, count.get()));
        return counts;
    }

    /** The header the harness puts on every message it sends, with the id its completion will carry. */
    static final String ID_PROPERTY = "BenchMessageId";

    @Override
    public void close() throws JMSException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
