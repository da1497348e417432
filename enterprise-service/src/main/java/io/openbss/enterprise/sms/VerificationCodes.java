package io.openbss.enterprise.sms;

import io.openbss.enterprise.EnterpriseError;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.hash.Sha256;
import io.openbss.enterprise.EnterpriseConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Verification codes for a new sub-account's phone: six digits, sent at most once a minute and a few times an hour
 * per phone, valid for their timeout, spent once used or after too many wrong tries. Only a hash is stored.
 */
@ApplicationScoped
public class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long WRONG = -1;

    @Inject
    Pool pool;

    @Inject
    SmsSender sender;

    @Inject
    Clock clock;

    @Inject
    EnterpriseConfig config;

    public Uni<Void> send(String masterId, VerificationCodeRequest request) {
        OffsetDateTime now = utc(clock.instant());
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        EnterpriseConfig.Sms sms = config.sms();
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of(request.mobilePhone()))
                .chain(() -> connection.preparedQuery("""
                                SELECT count(*) FILTER (WHERE sent_at > $2) AS last_interval,
                                       count(*) AS last_hour
                                  FROM sms_code WHERE mobile_phone = $1 AND sent_at > $3""")
                        .execute(Tuple.of(request.mobilePhone(), now.minus(sms.resendInterval()),
                                now.minusHours(1))))
                .invoke(rows -> {
                    Row counts = rows.iterator().next();
                    if (counts.getLong("last_interval") > 0 || counts.getLong("last_hour") >= sms.perPhonePerHour()) {
                        throw new BssException(EnterpriseError.FLOW_CONTROL, "Too many verification codes for this phone "
                                + "number; try again later");
                    }
                })
                .chain(() -> connection.preparedQuery("""
                                INSERT INTO sms_code (mobile_phone, master_customer_id, code_hash, sent_at, expires_at)
                                VALUES ($1, $2, $3, $4, $5)""")
                        .execute(Tuple.of(request.mobilePhone(), masterId, hash(request.mobilePhone(), code), now,
                                now.plus(Duration.ofMinutes(request.timeoutMinutes())))))
                .chain(() -> sender.send(request.mobilePhone(), request.text(code))));
    }

    /**
     * Checks the latest code sent to the phone; the code's id when it matches. A wrong one counts against the code,
     * in its own committed transaction, before the refusal.
     */
    public Uni<Long> verify(String mobilePhone, String code) {
        OffsetDateTime now = utc(clock.instant());
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        SELECT code_id, code_hash, failed_attempts FROM sms_code
                         WHERE mobile_phone = $1 AND used_at IS NULL AND expires_at > $2
                         ORDER BY sent_at DESC LIMIT 1 FOR UPDATE""")
                .execute(Tuple.of(mobilePhone, now)).flatMap(rows -> {
                    if (rows.size() == 0 || rows.iterator().next().getInteger("failed_attempts")
                            >= config.sms().maxAttempts()) {
                        return Uni.createFrom().item(WRONG);
                    }
                    Row row = rows.iterator().next();
                    long codeId = row.getLong("code_id");
                    if (row.getString("code_hash").equals(hash(mobilePhone, code))) {
                        return Uni.createFrom().item(codeId);
                    }
                    return connection.preparedQuery(
                                    "UPDATE sms_code SET failed_attempts = failed_attempts + 1 WHERE code_id = $1")
                            .execute(Tuple.of(codeId)).replaceWith(WRONG);
                })).invoke(codeId -> {
                    if (codeId == WRONG) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER,
                                "Invalid parameter verification_code: wrong or expired; send a new code");
                    }
                });
    }

    public Uni<Void> spend(long codeId) {
        return pool.preparedQuery("UPDATE sms_code SET used_at = $2 WHERE code_id = $1")
                .execute(Tuple.of(codeId, utc(clock.instant()))).replaceWithVoid();
    }

    private static String hash(String mobilePhone, String code) {
        return Sha256.hex(mobilePhone + ":" + code);
    }
}
