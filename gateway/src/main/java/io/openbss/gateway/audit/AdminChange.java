package io.openbss.gateway.audit;

import io.openbss.gateway.identity.AccessKey;
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
    static final String REPORT_CONTACT = "ReportContact";
    static final String WITHDRAW_CONTACT_REPORT = "WithdrawContactReport";
    /** A call of a service's internal API through the admin API (a recharge, a clock change, a lifecycle run). */
    static final String CALL_SERVICE_API = "CallServiceApi";

    /** The operation names of admin changes, beside those of the public operations. */
    public static final Set<String> OPERATIONS = Set.of(CREATE_DOMAIN, CREATE_USER, CREATE_ACCESS_KEY,
            ENABLE_ACCESS_KEY, DISABLE_ACCESS_KEY, REPORT_CONTACT, WITHDRAW_CONTACT_REPORT, CALL_SERVICE_API);

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

    public static AdminChange contactReported(String contact) {
        return new AdminChange(REPORT_CONTACT, Subject.NONE, BusinessIdentifiers.of("contact", contact));
    }

    public static AdminChange contactReportWithdrawn(String contact) {
        return new AdminChange(WITHDRAW_CONTACT_REPORT, Subject.NONE, BusinessIdentifiers.of("contact", contact));
    }
}
