package io.openbss.gateway.identity;

import io.openbss.common.error.BssException;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.AccountError;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * The rules of binding a mobile phone to an account. The checks that count accounts take a transaction-scoped
 * advisory lock on the number first, so that concurrent creations cannot both pass a count and exceed it.
 */
@ApplicationScoped
public class MobilePhones {

    private static final Pattern FORMAT = Pattern.compile("\\+?[0-9][0-9-]*");
    /** The first key of the advisory locks on mobile phones, apart from any other advisory lock. */
    private static final int LOCK_SPACE = 0x6d6f62;

    @Inject
    GatewayConfig config;

    /** 400 CBC.0100 naming {@code mobile_phone} unless it is an optional '+', then 5 to 20 digits and '-'. */
    public static String checkFormat(String phone) {
        if (phone == null) {
            throw BssException.badParameter("mobile_phone", "is required");
        }
        if (phone.length() < 5 || phone.length() > 20 || !FORMAT.matcher(phone).matches()) {
            throw BssException.badParameter("mobile_phone",
                    "must be 5 to 20 characters: an optional '+', then digits and '-'");
        }
        return phone;
    }

    /** A phone that operators reported cannot be bound to a new account. */
    public Uni<Void> requireNotReported(SqlClient client, String phone) {
        return ReportedContact.isReported(client, phone).invoke(reported -> {
            if (reported) {
                throw new BssException(AccountError.CONTACT_REPORTED, "The mobile phone has been reported");
            }
        }).replaceWithVoid();
    }

    /** For an account with a phone of its own: no other account may have it. In a transaction. */
    public Uni<Void> requireUnbound(SqlClient transaction, String phone) {
        return boundAccounts(transaction, phone).invoke(bound -> {
            if (bound > 0) {
                throw new BssException(AccountError.MOBILE_EXISTS, "The mobile phone is already bound to an account");
            }
        }).replaceWithVoid();
    }

    /** For an account sharing another's phone: at most bss.gateway.accounts-per-mobile-phone. In a transaction. */
    public Uni<Void> requireShareable(SqlClient transaction, String phone) {
        return boundAccounts(transaction, phone).invoke(bound -> {
            if (bound + 1 > config.accountsPerMobilePhone()) {
                throw new BssException(AccountError.MOBILE_OVER_LIMIT, "The mobile phone is bound to "
                        + config.accountsPerMobilePhone() + " accounts already, the most allowed");
            }
        }).replaceWithVoid();
    }

    private Uni<Long> boundAccounts(SqlClient transaction, String phone) {
        return transaction.preparedQuery("SELECT pg_advisory_xact_lock($1, hashtext($2))")
                .execute(Tuple.of(LOCK_SPACE, phone))
                .chain(() -> transaction.preparedQuery("SELECT count(*) FROM domain WHERE mobile_phone = $1")
                        .execute(Tuple.of(phone)))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
