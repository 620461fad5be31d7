package uk.xborder.gateway.api;

import java.nio.file.Path;

/**
 * The example users of config/users.yaml and their example passwords, as published in docs/audit-api.md. Examples
 * only: the file itself holds nothing but their bcrypt hashes.
 */
final class ExampleUsers {

    static final String AUDITOR_PASSWORD = "example-auditor-password";
    static final String OPERATOR_PASSWORD = "example-operator-password";
    static final String ADMIN_PASSWORD = "example-admin-password";

    private ExampleUsers() {
    }

    static Path projectDirectory() {
        return Path.of(System.getProperty("gateway.test.basedir", ".")).toAbsolutePath();
    }

    static Path file() {
        return projectDirectory().resolve("config/users.yaml");
    }
}
