package io.leadloop.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An identity provider for tests: an RSA key of its own, its JWK set served on {@code 127.0.0.1} at a free port,
 * and tokens minted with LeadLoop's claims. A Spring test uses it as
 *
 * <pre>{@code
 * @AutoClose
 * static final JwtIssuerStub idp = JwtIssuerStub.start();
 *
 * @DynamicPropertySource
 * static void security(DynamicPropertyRegistry registry) {
 *     idp.registerJwkSetUri(registry);
 * }
 * }</pre>
 *
 * and calls with {@code "Bearer " + idp.token(...)}. JUnit's {@code @AutoClose} stops it after the class's tests.
 */
public final class JwtIssuerStub implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;

    private JwtIssuerStub(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    public static JwtIssuerStub start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new JwtIssuerStub(key, server);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Could not start the JWT issuer stub", e);
        }
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /**
     * Makes the service under test trust this issuer's tokens: Spring Boot's resource server reads its keys from
     * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, which turns LeadLoop's access control on.
     */
    public void registerJwkSetUri(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", this::jwkSetUri);
    }

    /** A token valid for an hour for {@code subject} with these {@code leadloop_roles}. */
    public String token(String subject, List<String> roles) {
        return token(subject, roles, Map.of(), Instant.now().plus(Duration.ofHours(1)));
    }

    /** A token for a rep: {@code leadloop_rep_id} and {@code leadloop_team} set. */
    public String repToken(String subject, List<String> roles, String repId, String team) {
        return token(subject, roles, Map.of("leadloop_rep_id", repId, "leadloop_team", team),
                Instant.now().plus(Duration.ofHours(1)));
    }

    /** Any token: extra claims, and an expiry that may lie in the past. */
    public String token(String subject, List<String> roles, Map<String, Object> claims, Instant expiresAt) {
        var builder = new JWTClaimsSet.Builder().subject(subject).issuer("https://idp.test.leadloop.io")
                .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1)))).expirationTime(Date.from(expiresAt))
                .claim("leadloop_roles", roles);
        claims.forEach(builder::claim);
        return sign(builder.build(), key);
    }

    /** A well-formed token signed by a key the JWK set does not hold: a forgery. */
    public String forgedToken(String subject, List<String> roles) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            return sign(new JWTClaimsSet.Builder().subject(subject).claim("leadloop_roles", roles)
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build(), other);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
