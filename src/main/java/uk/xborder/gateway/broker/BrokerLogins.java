package uk.xborder.gateway.broker;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule;

import uk.xborder.gateway.crypto.Secret;

/**
 * How the embedded broker decides who logs in (JAAS, with Artemis's own login modules, tried in this order):
 * <ol>
 *   <li>the gateway itself, user {@value #GATEWAY_USER}, with a random password made when the broker starts and held
 *       only in this process's memory (Artemis's {@code InVMLoginModule}); it has the role
 *       {@value BrokerPermissions#GATEWAY};</li>
 *   <li>everyone else against the users file, bcrypt hashes checked by {@link BcryptPasswordCodec}, with the roles of
 *       the roles file (Artemis's {@code PropertiesLoginModule}).</li>
 * </ol>
 * Nobody else: no guest login, so a connection without a user is refused.
 *
 * <p>Decision: the gateway's password is in no file, so a copy of the configuration gives nobody the gateway's
 * rights; and the files are read once at start, after {@link BrokerUsers} has checked them (an edit takes a restart).
 */
public final class BrokerLogins extends SecurityConfiguration {

    /** The gateway's own user on its in-VM connection to the embedded broker. */
    public static final String GATEWAY_USER = "gateway";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrokerUsers users;
    private final String gatewayPassword;

    public BrokerLogins(BrokerUsers users) {
        this.users = users;
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        // Artemis keeps in-VM users' passwords as Strings; this one lives as long as the broker.
        this.gatewayPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        addUser(GATEWAY_USER, gatewayPassword);
        addRole(GATEWAY_USER, BrokerPermissions.GATEWAY);
    }

    /** The gateway user's password, for the gateway's own connection factory. */
    public Secret gatewayPassword() {
        return Secret.of(gatewayPassword.toCharArray());
    }

    public BrokerUsers users() {
        return users;
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        Path directory = users.usersFile().toAbsolutePath().getParent();
        return new AppConfigurationEntry[] {
            new AppConfigurationEntry(InVMLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT,
                    Map.of(InVMLoginModule.CONFIG_PROP_NAME, this)),
            new AppConfigurationEntry(PropertiesLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT,
                    Map.of("baseDir", directory.toString(),
                            PropertiesLoginModule.USER_FILE_PROP_NAME,
                            directory.relativize(users.usersFile().toAbsolutePath()).toString(),
                            PropertiesLoginModule.ROLE_FILE_PROP_NAME,
                            directory.relativize(users.rolesFile().toAbsolutePath()).toString(),
                            PropertiesLoginModule.PASSWORD_CODEC_PROP_NAME, BcryptPasswordCodec.class.getName(),
                            "reload", "false"))
        };
    }
}
