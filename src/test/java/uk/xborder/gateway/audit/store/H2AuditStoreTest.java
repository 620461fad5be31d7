package uk.xborder.gateway.audit.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 in file mode: the embedded default, as a gateway runs it, in a fresh directory. */
class H2AuditStoreTest extends AbstractAuditStoreTest {

    @TempDir
    Path dataDir;

    @Override
    protected AuditStoreSettings freshDatabase() {
        return AuditStoreSettings.embedded(dataDir);
    }
}
