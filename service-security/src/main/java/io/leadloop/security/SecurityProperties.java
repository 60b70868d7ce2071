package io.leadloop.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * LeadLoop's own access settings ({@code leadloop.security.*}). JWTs are configured with Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} ({@code issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}).
 *
 * @param apiKeys integrations by name (e.g. {@code crm-sync}), each with its key and, during a rotation, the previous
 *        one; they call with {@code X-API-Key} and have the role {@code integration}. Set from the environment, e.g.
 *        {@code LEADLOOP_SECURITY_APIKEYS_CRMSYNC_KEY}, never in a file.
 */
@ConfigurationProperties("leadloop.security")
public record SecurityProperties(Map<String, ApiKey> apiKeys) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }

    /**
     * @param key the current key
     * @param previousKey the key being rotated out, valid until removed
     */
    public record ApiKey(String key, String previousKey) {

        List<String> validKeys() {
            var keys = new ArrayList<String>(2);
            keys.add(key);
            keys.add(previousKey);
            return keys;
        }

        @Override
        public String toString() {
            return "ApiKey[key=" + (key == null || key.isBlank() ? "unset" : "***") + ", previousKey="
                    + (previousKey == null || previousKey.isBlank() ? "unset" : "***") + "]";
        }
    }

    ApiKeyRing keyRing() {
        var keys = new LinkedHashMap<String, List<String>>();
        apiKeys.forEach((caller, key) -> keys.put(caller, key == null ? List.of() : key.validKeys()));
        return ApiKeyRing.of(keys);
    }
}
