package io.openbss.common.operations;

/**
 * What a signed state-changing request sent again while its signature is still valid gets. A replay of a captured
 * request must not do anything a second time: it is refused, unless repeating the operation changes nothing more
 * ({@code ANSWERED}: it is served as any repeat is), or the request names its idempotency key ({@code KEY}: the
 * service answers the first result again, exactly once). Views may always be repeated ({@code NONE}).
 */
public record ReplayRule(Kind kind, String key) {

    public enum Kind { NONE, REFUSED, ANSWERED, KEY }

    static ReplayRule parse(String cell) {
        return switch (cell) {
            case "-" -> new ReplayRule(Kind.NONE, null);
            case "refused" -> new ReplayRule(Kind.REFUSED, null);
            case "answered" -> new ReplayRule(Kind.ANSWERED, null);
            default -> {
                if (!cell.startsWith("key:")) {
                    throw new IllegalStateException("bad replay rule: " + cell);
                }
                yield new ReplayRule(Kind.KEY, cell.substring("key:".length()));
            }
        };
    }
}
