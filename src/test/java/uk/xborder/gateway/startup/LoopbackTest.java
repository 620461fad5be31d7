package uk.xborder.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loopback judged from the text of a setting, never by a lookup. */
class LoopbackTest {

    @Test
    void onlyLocalhostAnd127SlashEightAndColonColonOneAreTheLoopback() {
        assertThat(Loopback.isLoopback("127.0.0.1")).isTrue();
        assertThat(Loopback.isLoopback("127.10.20.30")).isTrue();
        assertThat(Loopback.isLoopback("localhost")).isTrue();
        assertThat(Loopback.isLoopback("LOCALHOST")).isTrue();
        assertThat(Loopback.isLoopback("::1")).isTrue();
        assertThat(Loopback.isLoopback("[::1]")).isTrue();
        assertThat(Loopback.isLoopback("0:0:0:0:0:0:0:1")).isTrue();

        assertThat(Loopback.isLoopback("0.0.0.0")).isFalse();
        assertThat(Loopback.isLoopback("::")).isFalse();
        assertThat(Loopback.isLoopback("10.1.2.3")).isFalse();
        assertThat(Loopback.isLoopback("128.0.0.1")).isFalse();
        assertThat(Loopback.isLoopback("127.0.0.256")).isFalse();
        assertThat(Loopback.isLoopback("localhost.example.org")).isFalse();
        assertThat(Loopback.isLoopback("127.0.0.1.example.org")).isFalse();
        assertThat(Loopback.isLoopback("gateway")).isFalse();
        assertThat(Loopback.isLoopback("")).isFalse();
        assertThat(Loopback.isLoopback(null)).isFalse();
    }

    @Test
    void theHostsOfBrokerUrls() {
        assertThat(Loopback.hostsOf("vm://0")).isEmpty();
        assertThat(Loopback.hostsOf("tcp://artemis:61616?reconnectAttempts=-1")).containsExactly("artemis");
        assertThat(Loopback.hostsOf("(tcp://artemis-1:61616,tcp://127.0.0.1:61617)?ha=true"))
                .containsExactly("artemis-1", "127.0.0.1");
        assertThat(Loopback.hostsOf("tcp://[::1]:61616")).containsExactly("[::1]");
        assertThat(Loopback.staysOnLoopback("tcp://127.0.0.1:61616")).isTrue();
        assertThat(Loopback.staysOnLoopback("(tcp://localhost:1,tcp://mq.partner.example:2)")).isFalse();
    }

    @Test
    void theHostsOfJdbcUrls() {
        assertThat(Loopback.hostsOf("jdbc:h2:file:/var/lib/gateway/audit/audit-log")).isEmpty();
        assertThat(Loopback.hostsOf("jdbc:h2:mem:test")).isEmpty();
        assertThat(Loopback.hostsOf("jdbc:h2:tcp://db.example:9092/~/gw")).containsExactly("db.example");
        assertThat(Loopback.hostsOf("jdbc:postgresql://postgres:5432/gateway")).containsExactly("postgres");
        assertThat(Loopback.hostsOf("jdbc:postgresql://pg-1:5432,pg-2/gateway?targetServerType=primary"))
                .containsExactly("pg-1", "pg-2");
        assertThat(Loopback.hostsOf("jdbc:postgresql://[::1]:5432/gateway")).containsExactly("[::1]");
        assertThat(Loopback.hostsOf("jdbc:postgresql:gateway")).containsExactly("localhost");
        assertThat(Loopback.staysOnLoopback("jdbc:postgresql://localhost:54321/postgres")).isTrue();
        assertThat(Loopback.staysOnLoopback("")).isTrue();
    }
}
