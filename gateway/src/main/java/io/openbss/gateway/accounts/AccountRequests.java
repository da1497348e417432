package io.openbss.gateway.accounts;

import io.openbss.gateway.identity.Domain;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The internal account API's request and answer. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** An account for a service, e.g. the account of a new enterprise sub-account (CreateSubEnterpriseAccount). */
    public record NewAccount(String idempotencyKey,
            String name, String kind,
            String mobilePhone,
            Boolean useMasterMobilePhone,
            String masterDomainId,
            String password) {

        public boolean usesMasterMobilePhone() {
            return Boolean.TRUE.equals(useMasterMobilePhone);
        }

        /**
         * SHA-256 of everything but the idempotency key and the password, each field length-prefixed: equal for a
         * replay of the same request, whether or not the replay carries the password.
         */
        String fingerprint() {
            StringBuilder canonical = new StringBuilder();
            for (String field : new String[] {name, kind, mobilePhone, String.valueOf(usesMasterMobilePhone()),
                    masterDomainId}) {
                canonical.append(field == null ? "-1" : String.valueOf(field.length())).append(':')
                        .append(field == null ? "" : field).append(';');
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        @Override
        public String toString() {
            return "NewAccount[" + idempotencyKey + ", " + name + ", " + kind + ", master " + masterDomainId + "]";
        }
    }

    /** The account as created; {@code replayed} is true (and only present) when an earlier request made it. */
    public record CreatedAccount(String domainId, String name,
            String kind, String mobilePhone,
            Instant createdAt, Boolean replayed) {

        static CreatedAccount of(Domain domain, boolean replayed) {
            return new CreatedAccount(domain.domainId(), domain.name(), domain.kind().wireName(),
                    domain.mobilePhone(), domain.createdAt(), replayed ? Boolean.TRUE : null);
        }
    }
}
