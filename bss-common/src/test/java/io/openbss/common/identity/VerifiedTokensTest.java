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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private KeyPair keys;
    private DefaultJWTParser verifier;
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        verifier = new DefaultJWTParser(new JWTAuthContextInfo(keys.getPublic(),
                InternalToken.ISSUER)) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
        tokens = new VerifiedTokens(verifier, clock::get, VerifiedTokens.CAPACITY);
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
    void whatIsKeptAnswersEveryClaimAsTheVerifierDoes() throws Exception {
        CallerIdentity user = new CallerIdentity("cust-2", "name-2", CallerKind.ENTERPRISE_SUB, "user-2", "alice",
                Set.of("hws.service.type.ec2", "hws.service.type.ebs"), true);
        String token = InternalToken.issue(user, "billing-service", Duration.ofHours(1), keys.getPrivate(),
                Instant.now());
        JsonWebToken full = new DefaultJWTParser(new JWTAuthContextInfo(keys.getPublic(), InternalToken.ISSUER))
                .parse(token);
        JsonWebToken kept = tokens.parse(token);
        assertThat(kept.getName()).isEqualTo(full.getName());
        assertThat(kept.getGroups()).isEqualTo(full.getGroups()).containsExactly(InternalToken.GROUP_CUSTOMER);
        assertThat(kept.getAudience()).isEqualTo(full.getAudience());
        assertThat(kept.getExpirationTime()).isEqualTo(full.getExpirationTime());
        Set<String> names = new HashSet<>(full.getClaimNames());
        names.remove(Claims.raw_token.name());
        assertThat(kept.getClaimNames()).isEqualTo(names);
        names.forEach(name -> assertThat((Object) kept.getClaim(name)).as(name).isEqualTo(full.getClaim(name)));
        assertThat(InternalToken.read(kept)).isEqualTo(InternalToken.read(full)).isEqualTo(user);
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

    @Test
    void oneTokenMoreThanItKeepsCostsAFewOfTheOthersAVerificationNotAll() throws Exception {
        int capacity = 64;
        VerifiedTokens small = new VerifiedTokens(verifier, clock::get, capacity);
        List<String> callers = fill(small, capacity, i -> Duration.ofHours(1));
        small.parse(issue("cust-new", Duration.ofHours(1)));
        assertThat(small.size()).isEqualTo(capacity - capacity / 8 + 1);
        assertThat(verificationsToParse(small, callers)).as("the dropped eighth, and what making room again dropped")
                .isBetween(capacity / 8, capacity / 4);
        assertThat(small.size()).isLessThanOrEqualTo(capacity);
    }

    @Test
    void expiredTokensMakeRoomFirst() throws Exception {
        int capacity = 64;
        VerifiedTokens small = new VerifiedTokens(verifier, clock::get, capacity);
        List<String> all = fill(small, capacity, i -> i % 2 == 0 ? Duration.ofMinutes(5) : Duration.ofHours(1));
        clock.addAndGet(Duration.ofMinutes(10).toMillis());
        small.parse(issue("cust-new", Duration.ofHours(1)));
        List<String> lasting = IntStream.range(0, capacity).filter(i -> i % 2 == 1).mapToObj(all::get).toList();
        assertThat(verificationsToParse(small, lasting)).as("every unexpired token still recognised").isZero();
        assertThat(small.size()).isEqualTo(capacity / 2 + 1);
    }

    /** Issues {@code count} callers' tokens, the i-th living {@code lifespan(i)}, each parsed by {@code cache}. */
    private List<String> fill(VerifiedTokens cache, int count, IntFunction<Duration> lifespan) throws ParseException {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            issued.add(issue("cust-" + i, lifespan.apply(i)));
            cache.parse(issued.get(i));
        }
        return issued;
    }

    private int verificationsToParse(VerifiedTokens cache, List<String> issued) throws ParseException {
        verifications.set(0);
        for (String token : issued) {
            cache.parse(token);
        }
        return verifications.get();
    }

    private String issue(Duration lifespan) {
        return issue("cust-1", lifespan);
    }

    private String issue(String customer, Duration lifespan) {
        return InternalToken.issue(new CallerIdentity(customer, "name-1", CallerKind.INDIVIDUAL, null, null, null,
                false), "billing-service", lifespan, keys.getPrivate(), Instant.now());
    }

    private static CallerIdentity caller() {
        return new CallerIdentity("cust-1", "name-1", CallerKind.INDIVIDUAL, null, null, null, false);
    }
}
