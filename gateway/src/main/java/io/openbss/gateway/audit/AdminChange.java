package io.openbss.gateway.audit;

import io.openbss.gateway.identity.AccessKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An admin change as the audit trail records it: its operation, the account, user and access key it changed, and
 * anything else it names.
 */
public record AdminChange(String operation, Subject subject, BusinessIdentifiers identifiers) {

    static final String CREATE_DOMAIN = "CreateDomain";
    static final String CREATE_USER = "CreateUser";
    static final String CREATE_ACCESS_KEY = "CreateAccessKey";
    static final String ENABLE_ACCESS_KEY = "EnableAccessKey";
    static final String DISABLE_ACCESS_KEY = "DisableAccessKey";
    static final String ROTATE_ACCESS_KEY = "RotateAccessKey";
    static final String ENABLE_USER = "EnableUser";
    static final String DISABLE_USER = "DisableUser";
    static final String SET_PASSWORD = "SetPassword";
    static final String SET_POLICIES = "SetPolicies";
    static final String REVOKE_TOKEN = "RevokeToken";
    static final String REPORT_CONTACT = "ReportContact";
    static final String WITHDRAW_CONTACT_REPORT = "WithdrawContactReport";
    /** A call of a service's internal API through the admin API (a recharge, a clock change, a lifecycle run). */
    static final String CALL_SERVICE_API = "CallServiceApi";
    static final String LINK_UPSTREAM = "LinkUpstreamAccount";
    static final String UNLINK_UPSTREAM = "UnlinkUpstreamAccount";

    /** The operation names of admin changes, beside those of the public operations. */
    public static final Set<String> OPERATIONS = Set.of(CREATE_DOMAIN, CREATE_USER, CREATE_ACCESS_KEY,
            ENABLE_ACCESS_KEY, DISABLE_ACCESS_KEY, ROTATE_ACCESS_KEY, ENABLE_USER, DISABLE_USER, SET_PASSWORD,
            SET_POLICIES, REVOKE_TOKEN, REPORT_CONTACT, WITHDRAW_CONTACT_REPORT, CALL_SERVICE_API,
            LINK_UPSTREAM, UNLINK_UPSTREAM);

    /** A link made or changed (a rotated key included): what it now names upstream, never the secret key. */
    public static AdminChange upstreamLinked(String domainId, String endpoint, String accessKey,
            String upstreamDomainId) {
        return new AdminChange(LINK_UPSTREAM, new Subject(domainId, null, null, null, null, null),
                new BusinessIdentifiers(Map.of("endpoint", List.of(endpoint), "upstream_access_key",
                        List.of(accessKey), "upstream_domain_id", List.of(upstreamDomainId)), false));
    }

    public static AdminChange upstreamUnlinked(String domainId) {
        return new AdminChange(UNLINK_UPSTREAM, new Subject(domainId, null, null, null, null, null),
                BusinessIdentifiers.NONE);
    }

    public static AdminChange domainCreated(String domainId, String name) {
        return new AdminChange(CREATE_DOMAIN, new Subject(domainId, name, null, null, null, null),
                BusinessIdentifiers.NONE);
    }

    public static AdminChange userCreated(String domainId, String userId, String userName) {
        return new AdminChange(CREATE_USER, new Subject(domainId, null, userId, userName, null, null),
                BusinessIdentifiers.NONE);
    }

    public static AdminChange accessKeyCreated(String domainId, String userId, String accessKey) {
        return new AdminChange(CREATE_ACCESS_KEY, new Subject(domainId, null, userId, null, accessKey, null),
                BusinessIdentifiers.NONE);
    }

    public static AdminChange accessKeyStatusSet(String domainId, String userId, String accessKey, String status) {
        return new AdminChange(AccessKey.ACTIVE.equals(status) ? ENABLE_ACCESS_KEY : DISABLE_ACCESS_KEY,
                new Subject(domainId, null, userId, null, accessKey, null), BusinessIdentifiers.NONE);
    }

    /** The new key of a rotation; the old one is among the identifiers. */
    public static AdminChange accessKeyRotated(String domainId, String userId, String newKey, String oldKey) {
        return new AdminChange(ROTATE_ACCESS_KEY, new Subject(domainId, null, userId, null, newKey, null),
                BusinessIdentifiers.of("access_key", oldKey));
    }

    public static AdminChange userEnabled(String domainId, String userId, boolean enabled) {
        return new AdminChange(enabled ? ENABLE_USER : DISABLE_USER,
                new Subject(domainId, null, userId, null, null, null), BusinessIdentifiers.NONE);
    }

    /** A password set: who, never the password. */
    public static AdminChange passwordSet(String domainId, String userId) {
        return new AdminChange(SET_PASSWORD, new Subject(domainId, null, userId, null, null, null),
                BusinessIdentifiers.NONE);
    }

    public static AdminChange policiesSet(String domainId, String userId, String roles) {
        return new AdminChange(SET_POLICIES, new Subject(domainId, null, userId, null, null, null),
                BusinessIdentifiers.of("roles", roles));
    }

    public static AdminChange tokenRevoked(String tokenId) {
        return new AdminChange(REVOKE_TOKEN, new Subject(null, null, null, null, null, tokenId),
                BusinessIdentifiers.NONE);
    }

    public static AdminChange contactReported(String contact) {
        return new AdminChange(REPORT_CONTACT, Subject.NONE, BusinessIdentifiers.of("contact", contact));
    }

    public static AdminChange contactReportWithdrawn(String contact) {
        return new AdminChange(WITHDRAW_CONTACT_REPORT, Subject.NONE, BusinessIdentifiers.of("contact", contact));
    }
}
