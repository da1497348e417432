package io.openbss.orders.resources;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;

import io.openbss.common.error.BssException;
import io.openbss.common.request.Paging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * QueryResourcesReq of the SDK. Absent, null or empty filters do not filter, except {@code service_type_code},
 * which must not be an empty string.
 */
public record ResourceQuery(List<String> resourceIds,
        String orderId, Integer onlyMainResource,
        List<Integer> statusList, Integer offset,
        Integer limit, String expireTimeBegin,
        String expireTimeEnd,
        String serviceTypeCode) {

    static final int MAX_IDS = 50;
    /** 2 in use, 3 closed (deleted), 4 frozen, 5 expired. */
    static final Set<Integer> STATUSES = Arrays.stream(ResourceStatus.values()).map(ResourceStatus::code)
            .collect(Collectors.toUnmodifiableSet());
    /** Closed resources are listed only when asked for. */
    static final List<Integer> DEFAULT_STATUSES = List.of(ResourceStatus.codes(ResourceStatus.IN_USE,
            ResourceStatus.FROZEN, ResourceStatus.EXPIRED));

    /** The query, validated. {@code resourceIds} empty: any resource. */
    public record Filter(List<String> resourceIds, String orderId, boolean onlyMain, List<Integer> statuses,
            Instant expireBegin, Instant expireEnd, String serviceTypeCode, Paging paging) {
    }

    public static final ResourceQuery EMPTY = new ResourceQuery(null, null, null, null, null, null, null, null,
            null);

    public Filter validate() {
        Instant begin = optionalInstant("expire_time_begin", expireTimeBegin);
        Instant end = optionalInstant("expire_time_end", expireTimeEnd);
        if (begin != null && end != null && end.isBefore(begin)) {
            throw BssException.badParameter("expire_time_end", "must not be before expire_time_begin");
        }
        if (serviceTypeCode != null && serviceTypeCode.isBlank()) {
            throw BssException.badParameter("service_type_code", "must not be empty");
        }
        return new Filter(ids(), optionalText("order_id", orderId, 64),
                checkRange("only_main_resource", onlyMainResource, 0, 1, 0) == 1, statuses(), begin, end,
                optionalText("service_type_code", serviceTypeCode, 64),
                new Paging(checkRange("offset", offset, 0, Integer.MAX_VALUE - 1, 0),
                        checkRange("limit", limit, 1, 500, 10)));
    }

    private List<String> ids() {
        if (resourceIds == null) {
            return List.of();
        }
        if (resourceIds.size() > MAX_IDS) {
            throw BssException.badParameter("resource_ids", "must hold at most " + MAX_IDS + " ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < resourceIds.size(); i++) {
            String id = resourceIds.get(i);
            if (id == null || id.isBlank()) {
                throw BssException.badParameter("resource_ids[" + i + "]", "must be a resource id");
            }
            ids.add(optionalText("resource_ids[" + i + "]", id, 64));
        }
        return new ArrayList<>(ids);
    }

    private List<Integer> statuses() {
        if (statusList == null || statusList.isEmpty()) {
            return DEFAULT_STATUSES;
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        for (int i = 0; i < statusList.size(); i++) {
            Integer status = statusList.get(i);
            if (status == null || !STATUSES.contains(status)) {
                throw BssException.badParameter("status_list[" + i + "]", "must be one of [2, 3, 4, 5]");
            }
            statuses.add(status);
        }
        return new ArrayList<>(statuses);
    }
}
