package io.openbss.console.operator;

import io.openbss.console.api.ApiAnswer;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.Session;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The frame of an operator page, with the notice of the action that led to it and the admin API's errors. */
final class OperatorPages {

    private OperatorPages() {
    }

    /** The page, with the notice {@code op_done_<done>} when a redirect after an action named one. */
    static Page of(Session session, String path, String titleKey, String done) {
        Page page = Pages.of(session, path, titleKey);
        if (done != null && Texts.of(session.language()).containsKey("op_done_" + done)) {
            page = page.withNotice(Texts.get(session.language(), "op_done_" + done));
        }
        return page;
    }

    static String text(Session session, String key) {
        return Texts.get(session.language(), key);
    }

    /** The admin API's refusal as shown: its HTTP status, then its error code and message. */
    static String error(ApiAnswer answer) {
        return "HTTP " + answer.status() + " · " + answer.error();
    }

    static Response html(int status, TemplateInstance view) {
        return Response.status(status).entity(view).type(MediaType.TEXT_HTML).build();
    }

    /** After a change: back to a page that shows its notice, so that a reload does not send the change again. */
    static Response seeOther(String path, String done) {
        return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + "done=" + done)).build();
    }
}
