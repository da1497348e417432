package io.openbss.launcher;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream mode with the demo data: {@code ./bss up --upstream} links each demo account to the stand-in's demo
 * account of the same name, {@code ./bss up --upstream-endpoint} links the demo master to a real upstream account.
 */
final class DemoUpstream {

    private final LocalSettings settings;
    private final UpstreamLinks links;

    DemoUpstream(LocalSettings settings, AdminClient admin) {
        this.settings = settings;
        this.links = new UpstreamLinks(admin);
    }

    /**
     * Links every demo account to the stand-in's account of the same name (again, if linked: the credential is
     * rotated to the same), writes {@code upstream.env}, and returns the names linked.
     */
    List<String> linkToStandIn() {
        LocalSettings standIn = settings.standIn();
        DemoCredentials ours = DemoCredentials.read(settings.demoEnvFile());
        DemoCredentials theirs = DemoCredentials.read(standIn.demoEnvFile());
        List<String> linked = new ArrayList<>();
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            String prefix = account.envPrefix();
            links.link(require(ours, prefix + "DOMAIN_ID", settings), new UpstreamCredential(
                    URI.create(standIn.endpoint()), require(theirs, prefix + "AK", standIn),
                    require(theirs, prefix + "SK", standIn), require(theirs, prefix + "DOMAIN_ID", standIn)));
            linked.add(account.name());
        }
        DemoCredentials upstream = DemoCredentials.empty();
        upstream.put("BSS_UPSTREAM_ENDPOINT", standIn.endpoint());
        theirs.values().forEach(upstream::put);
        upstream.write(settings.upstreamEnvFile(), "The stand-in upstream BSS and its demo credentials");
        return linked;
    }

    /** Links the demo master to the given upstream account. */
    void linkMaster(UpstreamCredential credential) {
        links.link(require(DemoCredentials.read(settings.demoEnvFile()), DemoData.MASTER.envPrefix() + "DOMAIN_ID",
                settings), credential);
    }

    private static String require(DemoCredentials credentials, String name, LocalSettings where) {
        String value = credentials.get(name);
        if (value == null || value.isBlank()) {
            throw new LauncherException("no " + name + " in " + where.demoEnvFile() + " (the demo data did not load)");
        }
        return value;
    }
}
