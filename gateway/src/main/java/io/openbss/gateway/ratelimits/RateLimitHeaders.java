package io.openbss.gateway.ratelimits;

import io.vertx.core.http.HttpServerResponse;

/**
 * The quota fields of an answer: APIG's {@code X-Apig-RateLimit-api} (and, with {@code X-Apig-Mode: debug}, its
 * {@code -ip} and {@code -user} details), the IETF {@code RateLimit-Policy} and {@code RateLimit} fields
 * (draft-ietf-httpapi-ratelimit-headers), and {@code Retry-After} on a refusal.
 */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void write(HttpServerResponse response, Verdict verdict, boolean debug) {
        response.putHeader("X-Apig-RateLimit-api", apig(verdict.deciding()));
        if (debug) {
            for (Verdict.Standing standing : verdict.standings()) {
                response.putHeader("X-Apig-RateLimit-" + standing.quota().policy(), apig(standing));
            }
        }
        StringBuilder policy = new StringBuilder(64);
        StringBuilder state = new StringBuilder(64);
        for (Verdict.Standing standing : verdict.standings()) {
            String separator = policy.isEmpty() ? "\"" : ", \"";
            policy.append(separator).append(standing.quota().policy()).append("\";q=").append(standing.quota().limit())
                    .append(";w=1");
            state.append(separator).append(standing.quota().policy()).append("\";r=").append(standing.remaining())
                    .append(";t=").append(seconds(standing.resetMillis()));
        }
        response.putHeader("RateLimit-Policy", policy.toString());
        response.putHeader("RateLimit", state.toString());
        if (!verdict.admitted()) {
            response.putHeader("Retry-After", Long.toString(Math.max(1, seconds(verdict.retryAfterMillis()))));
        }
    }

    /** The refusal's message, as APIG words it. */
    public static String refusal(Verdict verdict) {
        Quota quota = verdict.deciding().quota();
        return "The throttling threshold has been reached: policy " + quota.policy() + " over ratelimit,limit:"
                + quota.limit() + ",time:1 second";
    }

    private static String apig(Verdict.Standing standing) {
        return "remain:" + standing.remaining() + ",limit:" + standing.quota().limit() + ",time:1 second";
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
