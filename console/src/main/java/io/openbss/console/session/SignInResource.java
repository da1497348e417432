package io.openbss.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.request.Language;
import io.openbss.console.api.AdminApi;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.api.SignIn;
import io.openbss.console.layout.Texts;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing in and out. A customer signs in with the account (or IAM user) name and password through the gateway's
 * {@code POST /v3/auth/tokens}; an operator with the platform's admin token. Either way the token stays in the
 * server-side session; signing out revokes a customer's token through the public API.
 */
@Path("/")
public class SignInResource {

    private static final int MAX_FIELD = 255;

    @Inject
    PublicApi api;

    @Inject
    AdminApi admin;

    @Inject
    Sessions sessions;

    @Inject
    CurrentSession current;

    @Location("sign-in.html")
    Template signIn;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return form(false, null, "");
    }

    @GET
    @Path("operator/sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance operatorForm() {
        return form(true, null, "");
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Object signIn(@RestForm String account, @RestForm String user, @RestForm String password,
            @RestForm String language, @RestForm String zone) {
        Language chosen = language(language);
        String accountName = field(account);
        String userName = field(user).isEmpty() ? accountName : field(user);
        if (accountName.isEmpty() || field(password).isEmpty()) {
            return status(400, form(false, Texts.get(chosen, "sign_in_missing"), accountName));
        }
        SignIn answer = api.signIn(accountName, userName, password, chosen);
        if (answer.token() == null) {
            boolean tooMany = answer.answer().status() == 429;
            return status(tooMany ? 429 : 401, form(false, tooMany ? answer.answer().error()
                    : Texts.get(chosen, "sign_in_refused"), accountName));
        }
        JsonNode token = answer.answer().get("token");
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        Session session = new Session(Sessions.newId(), Session.Kind.CUSTOMER, answer.token(),
                token.path("user").path("name").asText(userName), token.path("domain").path("name").asText(),
                token.path("domain").path("id").asText(), List.copyOf(roles), false, chosen, zone(zone),
                expiry(token.path("expires_at").asText()));
        ApiAnswer organizations = api.call(session, "ListEnterpriseOrganizations", Map.of());
        session = new Session(session.id(), session.kind(), session.token(), session.userName(),
                session.accountName(), session.domainId(), session.roles(), organizations.ok(), chosen,
                session.zone(), session.expiresAt());
        return start(session, "/");
    }

    @POST
    @Path("operator/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Object operatorSignIn(@RestForm("admin_token") String adminToken, @RestForm String language,
            @RestForm String zone) {
        Language chosen = language(language);
        String token = field(adminToken);
        if (token.isEmpty() || !admin.accepts(token)) {
            return status(401, form(true, Texts.get(chosen, "sign_in_refused"), ""));
        }
        Session session = new Session(Sessions.newId(), Session.Kind.OPERATOR, token, "operator", "", "",
                List.of(), false, chosen, zone(zone), Instant.now().plusSeconds(12 * 3600));
        return start(session, "/operator/accounts");
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        Session session = current.get();
        sessions.remove(session.id());
        if (!session.operator()) {
            api.revoke(session);
        }
        return Response.seeOther(URI.create(session.operator() ? "/operator/sign-in" : "/sign-in"))
                .cookie(SessionCookie.clear(uri)).build();
    }

    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchLanguage(@RestForm String language, @RestForm String back) {
        sessions.put(current.get().withLanguage(language(language)));
        return Response.seeOther(URI.create(samePage(back))).build();
    }

    /**
     * Where to go back to after a language change: a path of this console only. Anything a browser could read as
     * another host ({@code //host}, {@code /\host}) or a scheme, or not a plain path, goes to the overview.
     */
    static String samePage(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.length() > 2048
                || back.chars().anyMatch(c -> c == '\\' || c < 0x21 || c > 0x7e)) {
            return "/";
        }
        try {
            URI uri = new URI(back);
            return uri.getScheme() == null && uri.getHost() == null ? back : "/";
        } catch (java.net.URISyntaxException notAPath) {
            return "/";
        }
    }

    private Response start(Session session, String home) {
        sessions.put(session);
        return Response.seeOther(URI.create(home)).cookie(SessionCookie.issue(session.id(), uri)).build();
    }

    private static Response status(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML).build();
    }

    private TemplateInstance form(boolean operator, String error, String account) {
        Language language = preferred();
        return signIn.data("t", Texts.of(language)).data("operator", operator).data("error", error)
                .data("account", account).data("language", language == Language.EN_US ? "en_US" : "zh_CN");
    }

    private Language preferred() {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        return accept != null && accept.toLowerCase().startsWith("en") ? Language.EN_US : Language.ZH_CN;
    }

    private static Language language(String value) {
        return "en_US".equals(value) ? Language.EN_US : Language.ZH_CN;
    }

    private static ZoneId zone(String value) {
        try {
            return value == null || value.isBlank() || value.length() > 64 ? ZoneOffset.ofHours(8)
                    : ZoneId.of(value.strip());
        } catch (DateTimeException unknown) {
            return ZoneOffset.ofHours(8);
        }
    }

    private static Instant expiry(String expiresAt) {
        try {
            return Instant.parse(expiresAt);
        } catch (DateTimeException e) {
            return Instant.now().plusSeconds(3600);
        }
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > MAX_FIELD || stripped.codePoints().anyMatch(Character::isISOControl) ? ""
                : stripped;
    }
}
