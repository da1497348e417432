package io.openbss.console.session;

import io.openbss.common.request.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One signed-in browser: the token it acts with (a customer's X-Auth-Token or the operator's admin token), kept
 * here and never sent to the browser, who it is, and how it reads (language, time zone).
 *
 * @param master whether the account is an enterprise master (the API answered its organization view)
 * @param roles the token's roles as the gateway named them ({@code te_admin} for an account's own user)
 */
@io.quarkus.qute.TemplateData
@io.quarkus.runtime.annotations.RegisterForReflection
public record Session(String id, Kind kind, String token, String userName, String accountName, String domainId,
        List<String> roles, boolean master, Language language, ZoneId zone, Instant expiresAt) {

    public enum Kind {
        CUSTOMER,
        OPERATOR
    }

    public boolean operator() {
        return kind == Kind.OPERATOR;
    }

    public Locale locale() {
        return language == Language.EN_US ? Locale.US : Locale.SIMPLIFIED_CHINESE;
    }

    public Session withLanguage(Language chosen) {
        return new Session(id, kind, token, userName, accountName, domainId, roles, master, chosen, zone, expiresAt);
    }
}
