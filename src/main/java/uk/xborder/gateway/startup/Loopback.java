package uk.xborder.gateway.startup;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a host named in a setting is the loopback, judged from the text alone: {@code localhost}, an address in
 * 127.0.0.0/8, or {@code ::1}. Nothing is looked up: a name that a resolver maps to 127.0.0.1 today may map elsewhere
 * tomorrow, so any other name, and the wildcard addresses {@code 0.0.0.0} and {@code ::}, are beyond the loopback.
 */
final class Loopback {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]+");
    /** scheme://host in a broker URL, also inside (tcp://a:1,tcp://b:2)?ha=true. */
    private static final Pattern URL_HOST = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://(\\[[^\\]]*\\]|[^:/?,()\\s]*)");

    private Loopback() {
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("localhost.") || IPV4_LOOPBACK.matcher(h).matches()
                || isIpv6Loopback(h);
    }

    private static boolean isIpv6Loopback(String h) {
        if (h.indexOf(':') < 0 || !IPV6_LITERAL.matcher(h).matches()) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never looked up
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The hosts a broker URL (Artemis {@code tcp://host:port?...}, a list of them in parentheses) or a JDBC URL
     * ({@code jdbc:postgresql://h1:5432,h2:5432/db}, {@code jdbc:h2:tcp://host/...}) connects to; none for an
     * in-process one ({@code vm://0}, {@code jdbc:h2:file:...}, {@code jdbc:h2:mem:...}). A JDBC URL without a host
     * ({@code jdbc:postgresql:db}) connects to localhost.
     */
    static List<String> hostsOf(String url) {
        List<String> hosts = new ArrayList<>();
        if (url == null || url.isBlank()) {
            return hosts;
        }
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            return jdbcHosts(text);
        }
        Matcher m = URL_HOST.matcher(text);
        while (m.find()) {
            if (!m.group(1).equalsIgnoreCase("vm")) {
                hosts.add(m.group(2));
            }
        }
        return hosts;
    }

    /** Whether every host the URL connects to is the loopback (true for an in-process URL). */
    static boolean staysOnLoopback(String url) {
        return hostsOf(url).stream().allMatch(Loopback::isLoopback);
    }

    private static List<String> jdbcHosts(String url) {
        List<String> hosts = new ArrayList<>();
        String rest = url.substring("jdbc:".length());
        if (rest.startsWith("h2:")) {
            String h2 = rest.substring(3);
            if (h2.startsWith("tcp://") || h2.startsWith("ssl://")) {
                hosts.addAll(authorityHosts(h2.substring(6)));
            }
            return hosts;
        }
        int slashes = rest.indexOf("//");
        if (slashes < 0) {
            hosts.add("localhost");
            return hosts;
        }
        hosts.addAll(authorityHosts(rest.substring(slashes + 2)));
        return hosts;
    }

    // host[:port][,host[:port]...] up to the first / ? or ;
    private static List<String> authorityHosts(String afterSlashes) {
        List<String> hosts = new ArrayList<>();
        int end = afterSlashes.length();
        for (char stop : new char[] {'/', '?', ';'}) {
            int at = afterSlashes.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        for (String part : afterSlashes.substring(0, end).split(",")) {
            String hostAndPort = part.strip();
            if (hostAndPort.startsWith("[")) {
                int close = hostAndPort.indexOf(']');
                hosts.add(close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1));
            } else {
                int colon = hostAndPort.indexOf(':');
                hosts.add(colon < 0 ? hostAndPort : hostAndPort.substring(0, colon));
            }
        }
        if (hosts.isEmpty() || hosts.stream().allMatch(String::isEmpty)) {
            return List.of("localhost");
        }
        return hosts;
    }
}
