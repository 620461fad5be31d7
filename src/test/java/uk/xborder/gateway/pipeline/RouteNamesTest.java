package uk.xborder.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The YAML routes and the Java steps agree on the names they share: every exchange property a route reads or sets
 * is a constant of {@link ExchangeProperties}, and every gateway header a route names is one of
 * {@link GatewayHeaders}.
 */
class RouteNamesTest {

    private static final Pattern PROPERTY_READ = Pattern.compile("exchangeProperty\\.(\\w+)");
    private static final Pattern PROPERTY_SET =
            Pattern.compile("setProperty:\\s*\\n(?:\\s+(?:id:|#).*\\n)*\\s+name:\\s*(\\w+)");
    private static final Pattern HEADER = Pattern.compile("\\b(Gw[A-Z]\\w*)\\b");

    @Test
    void everyExchangePropertyTheRoutesUseIsAJavaConstant() throws IOException {
        Set<String> used = matches(PROPERTY_READ);
        used.addAll(matches(PROPERTY_SET));

        assertThat(used).as("properties the routes use")
                .contains("gwAgency", "gwOutbound", "gwRecipient", "gwEndpoint");
        assertThat(constants(ExchangeProperties.class)).containsAll(used);
    }

    @Test
    void everyGatewayHeaderTheRoutesNameIsAJavaConstant() throws IOException {
        assertThat(constants(GatewayHeaders.class)).containsAll(matches(HEADER));
    }

    private static Set<String> matches(Pattern pattern) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(RunningGateway.projectDirectory().resolve("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static Set<String> constants(Class<?> holder) {
        return Arrays.stream(holder.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(RouteNamesTest::value).collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
