package uk.xborder.gateway.audit.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Tamper detection on the embedded default: H2 in file mode. */
class H2TamperDetectionTest extends AbstractTamperDetectionTest {

    @TempDir
    Path dataDir;

    @Override
    protected AuditStoreSettings freshDatabase() {
        return AuditStoreSettings.embedded(dataDir);
    }
}
