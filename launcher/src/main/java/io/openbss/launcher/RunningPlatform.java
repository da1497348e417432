package io.openbss.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The platform that {@code ./bss up} started, as its supervisor's state file describes it while the supervisor lives. */
record RunningPlatform(ObjectNode state) {

    static final String NOT_RUNNING = "OpenBSS is not running (./bss up starts it).";

    /** The running platform; empty when there is no state file or its supervisor has gone. */
    static Optional<RunningPlatform> find(LocalSettings settings) {
        return new StateFile(settings.home()).read().filter(state -> alive(state.path("pid").asLong()))
                .map(RunningPlatform::new);
    }

    /**
     * The admin API of the running platform, with its admin token; empty (and said so) when none runs. With
     * {@code BSS_ADMIN_URL} set, another platform's instead (a cluster's, port-forwarded), with the token of
     * {@code BSS_ADMIN_TOKEN}.
     */
    static Optional<AdminClient> admin(LocalSettings settings) {
        String remote = System.getenv("BSS_ADMIN_URL");
        if (remote != null && !remote.isBlank()) {
            String token = System.getenv("BSS_ADMIN_TOKEN");
            if (token == null || token.isBlank()) {
                throw new LauncherException("BSS_ADMIN_URL is set: BSS_ADMIN_TOKEN must hold that admin API's token");
            }
            return Optional.of(new AdminClient(remote.strip(), token.strip()));
        }
        Optional<RunningPlatform> platform = find(settings);
        if (platform.isEmpty()) {
            System.out.println(NOT_RUNNING);
        }
        return platform.map(running -> new AdminClient(running.state.path("admin_endpoint").asText(),
                Secrets.loadOrCreate(settings.home()).adminToken()));
    }

    boolean supervisorAlive() {
        return alive(state.path("pid").asLong());
    }

    static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
