package io.openbss.console.layout;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A page's data is a map of what the API answered, and what a user may not see is left out of it (a finance user's
 * overview has no resources, an operator's no bills): a key left out reads as nothing in a template, so that
 * {@code {#if o.spent}} hides the part instead of failing the page. Other lookups stay strict.
 */
@EngineConfiguration
public class AbsentKeys implements ValueResolver {

    /** What Qute's own map resolver answers for a map: those names keep their meaning. */
    private static final Set<String> MAP_PROPERTIES = Set.of("keys", "keySet", "values", "entrySet", "size",
            "isEmpty", "get", "containsKey");

    @Override
    public int getPriority() {
        return io.quarkus.qute.WithPriority.DEFAULT_PRIORITY + 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof Map<?, ?> map && context.getParams().isEmpty()
                && !MAP_PROPERTIES.contains(context.getName()) && !map.containsKey(context.getName());
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        return CompletedStage.of(null);
    }
}
