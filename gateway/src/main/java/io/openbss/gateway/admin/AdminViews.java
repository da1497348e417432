package io.openbss.gateway.admin;

import io.openbss.gateway.identity.AccessKey;
import io.openbss.gateway.identity.Domain;
import io.openbss.gateway.identity.IamUser;
import io.openbss.gateway.identity.ReportedContact;
import java.time.Instant;
import java.util.List;

/** The admin API's requests and answers. */
public final class AdminViews {

    private AdminViews() {
    }

    public record NewDomain(String name, String kind,
            String mobilePhone) {
    }

    public record NewUser(String name) {
    }

    public record NewAccessKey(String userId,
            String description) {
    }

    public record AccessKeyStatus(String status) {
    }

    public record DomainView(String domainId, String name,
            String kind, boolean enabled,
            String mobilePhone, Instant createdAt) {

        static DomainView of(Domain domain) {
            return new DomainView(domain.domainId(), domain.name(), domain.kind().wireName(), domain.enabled(),
                    domain.mobilePhone(), domain.createdAt());
        }
    }

    public record DomainList(List<DomainView> domains) {
    }

    public record UserView(String userId, String domainId,
            String name, boolean root,
            boolean enabled) {

        static UserView of(IamUser user) {
            return new UserView(user.userId(), user.domainId(), user.name(), user.root(), user.enabled());
        }
    }

    public record UserList(List<UserView> users) {
    }

    /** An access key as listed: never with its secret. */
    public record AccessKeyView(String accessKey, String userId,
            String domainId, String status,
            String description, Instant createdAt) {

        static AccessKeyView of(AccessKey key) {
            return new AccessKeyView(key.accessKey(), key.userId(), key.domainId(), key.status(), key.description(),
                    key.createdAt());
        }
    }

    public record AccessKeyList(List<AccessKeyView> accessKeys) {
    }

    public record ContactReport(String reason) {
    }

    public record ReportedContactView(String contact, String reason,
            Instant createdAt) {

        static ReportedContactView of(ReportedContact reported) {
            return new ReportedContactView(reported.contact(), reported.reason(), reported.createdAt());
        }
    }

    public record ReportedContactList(List<ReportedContactView> reportedContacts) {
    }

    /** A new access key with its secret key: the only time the secret is ever shown. */
    public record CreatedAccessKey(String accessKey,
            String secretKey, String userId,
            String domainId, String status) {

        @Override
        public String toString() {
            return "CreatedAccessKey[" + accessKey + "]";
        }
    }
}
