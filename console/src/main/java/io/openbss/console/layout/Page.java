package io.openbss.console.layout;

import io.openbss.console.session.Session;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/**
 * What every page's frame shows: who is signed in, the menus they may use, the words in their language, and the
 * outcome of the last action (a notice or the API's error).
 */
@TemplateData
public record Page(Session session, Map<String, String> t, List<NavItem> nav, String title, String notice,
        String error) {

    public Page withNotice(String text) {
        return new Page(session, t, nav, title, text, error);
    }

    /**
     * The notice of an action just done, named by the {@code done} parameter of the page it redirected to (a key
     * {@code done_<done>} of the texts); nothing for an unknown or missing one.
     */
    public Page withDone(String done) {
        String text = done == null ? null : t.get("done_" + done);
        return text == null ? this : withNotice(text);
    }

    /** The error of a value the console will not send: the parameter it names, as the API's 400 would. */
    public Page withBadParameter(String name) {
        return withError(t.get("bad_filter") + " " + name);
    }

    public Page withError(String text) {
        return new Page(session, t, nav, title, notice, text);
    }

    public String language() {
        return session.language() == io.openbss.common.request.Language.EN_US ? "en" : "zh-CN";
    }
}
