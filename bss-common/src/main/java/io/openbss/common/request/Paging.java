package io.openbss.common.request;

/**
 * {@code offset}/{@code limit} paging as the BSS API defines it: offset from 0 (default 0), limit from 1 to an
 * operation's maximum (default usually 10). An absent or empty value takes the default.
 */
public record Paging(int offset, int limit) {

    public static Paging of(String offset, String limit, int defaultLimit, int maxLimit) {
        return new Paging(
                RequestParameters.optionalInt("offset", offset, 0, Integer.MAX_VALUE, 0),
                RequestParameters.optionalInt("limit", limit, 1, maxLimit, defaultLimit));
    }

    /** Paging given in a JSON body, as numbers. */
    public static Paging of(Integer offset, Integer limit, int defaultLimit, int maxLimit) {
        return new Paging(
                RequestParameters.checkRange("offset", offset, 0, Integer.MAX_VALUE, 0),
                RequestParameters.checkRange("limit", limit, 1, maxLimit, defaultLimit));
    }

    /** The index of the last row of the page, for range queries (never overflowing). */
    public int lastIndex() {
        return (int) Math.min(Integer.MAX_VALUE, (long) offset + limit - 1);
    }
}
