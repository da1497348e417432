package io.openbss.gateway.ratelimits;

/**
 * One quota a request counts against: at most {@code limit} admitted requests in any one-second window for the
 * pair ({@code policy} subject, operation). The policies are APIG's: {@code ip} (the client's address) and
 * {@code user} (ParentUid: the calling account, whichever of its users or keys calls).
 */
public record Quota(String policy, String subject, String operation, int limit) {

    public static final String IP = "ip";
    public static final String USER = "user";

    /** The counter's name, the same in every gateway replica. */
    String key() {
        return policy + ':' + operation + ':' + subject;
    }
}
