package uk.xborder.gateway.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.settings.GatewaySettings;

/**
 * The gateway's data directory ({@code gateway.data-dir}) is readable by the gateway's user only: the broker journal
 * holds messages waiting on queues in clear, and the embedded database holds the audit log and the record of
 * exchanges.
 *
 * <p>Before anything is opened, the directory and the subdirectories the gateway keeps there ({@code broker} for the
 * embedded broker, {@code audit} for the embedded database) are created with permissions 700, and any that exist
 * with more are narrowed to it (a WARN says so). Once the gateway has started, whatever the broker and the database
 * created inside them with the process's umask loses its group and other permissions too. bin/gateway runs with
 * umask 077, so that files they create later are the user's only as well. On a file system without POSIX
 * permissions nothing is changed.
 */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_AND_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {
    }

    /** Prepares the directory now, and narrows what the gateway's parts made in it once the context has started. */
    public static void secure(CamelContext context, GatewaySettings settings) throws IOException {
        Path directory = settings.dataDir();
        List<String> kept = new ArrayList<>();
        if (settings.broker().embedded()) {
            kept.add("broker");
        }
        if (settings.audit().store().jdbcUrl().equals(AuditStoreSettings.embeddedUrl(directory))) {
            kept.add("audit");
        }
        prepare(directory, kept);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                try {
                    narrowAll(directory);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not narrow the permissions under " + directory, e);
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent;
            }
        });
    }

    /** Creates the directory and these subdirectories with permissions 700, or narrows them to it. */
    static void prepare(Path directory, List<String> subdirectories) throws IOException {
        if (!posix()) {
            Files.createDirectories(directory);
            return;
        }
        ownerOnly(directory);
        for (String name : subdirectories) {
            ownerOnly(directory.resolve(name));
        }
    }

    /** Takes group and other permissions from everything under the directory; links are not followed. */
    static void narrowAll(Path directory) throws IOException {
        if (!posix() || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (permissions.removeAll(GROUP_AND_OTHER)) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }

    private static void ownerOnly(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            createOwnerOnly(directory);
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        if (!permissions.equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
            LOG.warn("The data directory {} was {}; it is now rwx------ (the gateway's user only)", directory,
                    PosixFilePermissions.toString(permissions));
        }
    }

    // Each missing level is made 700 as it is created, so there is no moment when it is open to others.
    private static void createOwnerOnly(Path directory) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            createOwnerOnly(parent);
        }
        FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Files.createDirectory(directory, attribute);
        // the umask may have taken bits away from the requested ones, never added: set them exactly
        Files.setPosixFilePermissions(directory, OWNER_ONLY);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
