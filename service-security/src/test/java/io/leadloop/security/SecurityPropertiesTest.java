package io.leadloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Integration keys come from the environment, as the README shows, and never print. */
class SecurityPropertiesTest {

    @Test
    void bindsARotatedKeyPairFromEnvironmentVariables() {
        var env = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "LEADLOOP_SECURITY_APIKEYS_CRMSYNC_KEY", "new-key", "LEADLOOP_SECURITY_APIKEYS_CRMSYNC_PREVIOUSKEY",
                "old-key"));

        SecurityProperties properties = new Binder(ConfigurationPropertySources.from(env))
                .bind("leadloop.security", SecurityProperties.class).get();

        assertThat(properties.keyRing().callerOf("new-key")).contains("crmsync");
        assertThat(properties.keyRing().callerOf("old-key")).contains("crmsync");
        assertThat(properties.toString()).doesNotContain("new-key").doesNotContain("old-key");
    }
}
