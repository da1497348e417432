package io.openbss.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private KeyPair keys;
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        DefaultJWTParser verifier = new DefaultJWTParser(new JWTAuthContextInfo(keys.getPublic(),
                InternalToken.ISSUER)) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
        tokens = new VerifiedTokens(verifier, clock::get);
    }

    @Test
    void aTokenIsVerifiedOnceAndRecognisedAfterwards() throws Exception {
        String token = issue(Duration.ofHours(1));
        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);
        assertThat(verifications).hasValue(1);
        assertThat(InternalToken.read(second)).isEqualTo(InternalToken.read(first));
        assertThat(second.getSubject()).isEqualTo("cust-1");
    }

    @Test
    void aTokenDifferingInOneCharacterIsVerifiedAndRefused() throws Exception {
        String token = issue(Duration.ofHours(1));
        tokens.parse(token);
        String forged = token.substring(0, token.length() - 2)
                + (token.charAt(token.length() - 2) == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        String otherKey = InternalToken.issue(caller(), "billing-service", Duration.ofHours(1),
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(), Instant.now());
        assertThatThrownBy(() -> tokens.parse(otherKey)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aRecognisedTokenIsVerifiedAgainOnceItHasExpired() throws Exception {
        String token = issue(Duration.ofMinutes(5));
        long expiry = tokens.parse(token).getExpirationTime() * 1000;
        clock.set(expiry - 1);
        tokens.parse(token);
        assertThat(verifications).as("recognised until its last millisecond").hasValue(1);
        clock.set(expiry);
        tokens.parse(token);
        assertThat(verifications).as("verified again once expired").hasValue(2);
    }

    private String issue(Duration lifespan) {
        return InternalToken.issue(caller(), "billing-service", lifespan, keys.getPrivate(), Instant.now());
    }

    private static CallerIdentity caller() {
        return new CallerIdentity("cust-1", "name-1", CallerKind.INDIVIDUAL, null, null, null, false);
    }
}
