package io.openbss.gateway.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    public record NewDomain(@JsonProperty("name") String name, @JsonProperty("kind") String kind,
            @JsonProperty("mobile_phone") String mobilePhone) {
    }

    public record NewUser(@JsonProperty("name") String name) {
    }

    public record NewAccessKey(@JsonProperty("user_id") String userId,
            @JsonProperty("description") String description) {
    }

    public record AccessKeyStatus(@JsonProperty("status") String status) {
    }

    public record DomainView(@JsonProperty("domain_id") String domainId, @JsonProperty("name") String name,
            @JsonProperty("kind") String kind, @JsonProperty("enabled") boolean enabled,
            @JsonProperty("mobile_phone") String mobilePhone, @JsonProperty("created_at") Instant createdAt) {

        static DomainView of(Domain domain) {
            return new DomainView(domain.domainId, domain.name, domain.kind.wireName(), domain.enabled,
                    domain.mobilePhone, domain.createdAt);
        }
    }

    public record DomainList(@JsonProperty("domains") List<DomainView> domains) {
    }

    public record UserView(@JsonProperty("user_id") String userId, @JsonProperty("domain_id") String domainId,
            @JsonProperty("name") String name, @JsonProperty("root") boolean root,
            @JsonProperty("enabled") boolean enabled) {

        static UserView of(IamUser user) {
            return new UserView(user.userId, user.domainId, user.name, user.root, user.enabled);
        }
    }

    public record UserList(@JsonProperty("users") List<UserView> users) {
    }

    /** An access key as listed: never with its secret. */
    public record AccessKeyView(@JsonProperty("access_key") String accessKey, @JsonProperty("user_id") String userId,
            @JsonProperty("domain_id") String domainId, @JsonProperty("status") String status,
            @JsonProperty("description") String description, @JsonProperty("created_at") Instant createdAt) {

        static AccessKeyView of(AccessKey key) {
            return new AccessKeyView(key.accessKey, key.userId, key.domainId, key.status, key.description,
                    key.createdAt);
        }
    }

    public record AccessKeyList(@JsonProperty("access_keys") List<AccessKeyView> accessKeys) {
    }

    public record ContactReport(@JsonProperty("reason") String reason) {
    }

    public record ReportedContactView(@JsonProperty("contact") String contact, @JsonProperty("reason") String reason,
            @JsonProperty("created_at") Instant createdAt) {

        static ReportedContactView of(ReportedContact reported) {
            return new ReportedContactView(reported.contact, reported.reason, reported.createdAt);
        }
    }

    public record ReportedContactList(@JsonProperty("reported_contacts") List<ReportedContactView> reportedContacts) {
    }

    /** A new access key with its secret key: the only time the secret is ever shown. */
    public record CreatedAccessKey(@JsonProperty("access_key") String accessKey,
            @JsonProperty("secret_key") String secretKey, @JsonProperty("user_id") String userId,
            @JsonProperty("domain_id") String domainId, @JsonProperty("status") String status) {

        @Override
        public String toString() {
            return "CreatedAccessKey[" + accessKey + "]";
        }
    }
}
