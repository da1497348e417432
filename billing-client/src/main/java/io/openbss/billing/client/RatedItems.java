package io.openbss.billing.client;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorBody;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.remote.Refusal;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Billing refuses a parameter of a period rating by the item's place in the rating request ({@code product_infos[i]}:
 * a disk's size is required, for one). Every rated field is copied from the calling service's own caller's request,
 * so that caller is told which of its items it was, as a clear 400, instead of an internal error for a request the
 * calling service made.
 */
public final class RatedItems {

    private static final Pattern RATED_ITEM = Pattern.compile("product_infos\\[(\\d{1,4})]");

    private RatedItems() {
    }

    /**
     * The failure to answer: a parameter refusal of the {@code i}-th rated item renamed to {@code name(i)} (an item
     * the calling service did not send stays as it was), anything else unchanged.
     */
    public static Throwable named(Throwable failure, int items, IntFunction<String> name) {
        if (!(failure instanceof Refusal refusal)) {
            return failure;
        }
        ErrorBody body = refusal.body();
        Matcher item = RATED_ITEM.matcher(body.errorMsg() == null ? "" : body.errorMsg());
        if (!ErrorCode.BAD_PARAMETER.code().equals(body.errorCode()) || !item.find()
                || Integer.parseInt(item.group(1)) >= items) {
            return failure;
        }
        return new BssException(ErrorCode.BAD_PARAMETER,
                item.replaceFirst(Matcher.quoteReplacement(name.apply(Integer.parseInt(item.group(1))))));
    }
}
