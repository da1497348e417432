package io.openbss.console.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.request.Language;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cloud services' names by code, in the reader's language, as the catalog names them (ListServiceTypes): some
 * answers (costs) name services by code only. Kept for ten minutes; the catalog changes rarely.
 */
@ApplicationScoped
public class ServiceNames {

    private static final Duration KEPT = Duration.ofMinutes(10);
    private static final int PAGE = 100;

    private record Known(Map<String, String> names, Instant until) {
    }

    private final Map<Language, Known> byLanguage = new ConcurrentHashMap<>();

    @Inject
    PublicApi api;

    /** Code to name; empty when the catalog cannot be read (the codes are shown then). */
    public Map<String, String> of(Session session) {
        Known known = byLanguage.get(session.language());
        if (known != null && Instant.now().isBefore(known.until())) {
            return known.names();
        }
        Map<String, String> names = new HashMap<>();
        for (int offset = 0; offset < 10 * PAGE; offset += PAGE) {
            ApiAnswer answer = api.call(session, "ListServiceTypes", Map.of("offset", Integer.toString(offset),
                    "limit", Integer.toString(PAGE)));
            if (!answer.ok()) {
                return Map.of();
            }
            JsonNode types = answer.get("service_types");
            types.forEach(type -> names.put(type.path("service_type_code").asText(),
                    type.path("service_type_name").asText()));
            if (types.size() < PAGE) {
                break;
            }
        }
        Map<String, String> copy = Map.copyOf(names);
        byLanguage.put(session.language(), new Known(copy, Instant.now().plus(KEPT)));
        return copy;
    }
}
