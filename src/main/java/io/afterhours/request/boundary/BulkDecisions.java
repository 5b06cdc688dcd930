package io.afterhours.request.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deciding several requests at once from the inbox. Deliberately not one transaction: each decision is its own (through
 * {@link Decisions#decide}), so one that someone else decided a moment ago is reported and the others still go
 * through. A request the caller may not decide refuses the rest, as a single decision would.
 */
@ApplicationScoped
public class BulkDecisions {

    @Inject
    Decisions decisions;

    public Outcome decideEach(List<DecisionCommand> commands) {
        // One missing reason is one message, not one per request.
        if (commands.stream()
                .anyMatch(c -> !c.approve() && (c.note() == null || c.note().isBlank()))) {
            throw new RequestRefused(List.of("decision.problem.reason"), null);
        }
        List<Long> decided = new ArrayList<>();
        Map<Long, List<String>> refused = new LinkedHashMap<>();
        for (DecisionCommand command : commands) {
            try {
                decisions.decide(command);
                decided.add(command.requestId());
            } catch (RequestRefused e) {
                refused.put(command.requestId(), e.problems());
            }
        }
        return new Outcome(decided, refused);
    }

    /** Which requests were decided, and why each of the others was not. */
    public record Outcome(List<Long> decided, Map<Long, List<String>> refused) {}
}
