package uk.xborder.gateway.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import uk.xborder.gateway.api.ApiUser;
import uk.xborder.gateway.api.Users;

/**
 * The example users of {@code config/users.yaml}, whose passwords are published, known by their bcrypt hashes
 * ({@value #RESOURCE}): a users file that still holds one of them lets anyone in under that name.
 */
final class ExampleUsers {

    static final String RESOURCE = "startup/example-users.txt";

    private final Set<String> hashes;

    private ExampleUsers(Set<String> hashes) {
        this.hashes = Set.copyOf(hashes);
    }

    static ExampleUsers load() {
        Set<String> hashes = new HashSet<>();
        try (InputStream in = ExampleUsers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway's jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    hashes.add(text.split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read", e);
        }
        return new ExampleUsers(hashes);
    }

    /** The names of the users whose password is an example one. */
    List<String> in(Users users) {
        return users.all().stream().filter(user -> hashes.contains(user.passwordHash())).map(ApiUser::username)
                .toList();
    }

    Set<String> hashes() {
        return hashes;
    }
}
