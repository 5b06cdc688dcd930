package io.afterhours.request.control;

import static io.afterhours.request.entity.RequestState.ACTIVE;
import static io.afterhours.request.entity.RequestState.APPLYING;
import static io.afterhours.request.entity.RequestState.APPROVED;
import static io.afterhours.request.entity.RequestState.CANCELLED;
import static io.afterhours.request.entity.RequestState.DENIED;
import static io.afterhours.request.entity.RequestState.DRAFT;
import static io.afterhours.request.entity.RequestState.ENDED;
import static io.afterhours.request.entity.RequestState.EXPIRED;
import static io.afterhours.request.entity.RequestState.FAILED;
import static io.afterhours.request.entity.RequestState.PENDING;
import static io.afterhours.request.entity.RequestState.REVOKED;
import static io.afterhours.request.entity.RequestState.SCHEDULED;

import io.afterhours.request.entity.RequestState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every state change a request may make, in one place (product.md F2). Anything not listed is refused with
 * {@link IllegalTransition}, never ignored.
 */
public final class RequestLifecycle {

    private static final Map<RequestState, Set<RequestState>> ALLOWED = new EnumMap<>(RequestState.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(PENDING, CANCELLED, EXPIRED));
        ALLOWED.put(PENDING, EnumSet.of(APPROVED, DENIED, CANCELLED, EXPIRED));
        ALLOWED.put(APPROVED, EnumSet.of(APPLYING, REVOKED, ENDED));
        ALLOWED.put(APPLYING, EnumSet.of(SCHEDULED, ACTIVE, FAILED, REVOKED));
        ALLOWED.put(SCHEDULED, EnumSet.of(ACTIVE, REVOKED, ENDED));
        ALLOWED.put(ACTIVE, EnumSet.of(ENDED, REVOKED));
        ALLOWED.put(FAILED, EnumSet.of(APPLYING, REVOKED));
        for (RequestState terminal : EnumSet.of(ENDED, DENIED, EXPIRED, CANCELLED, REVOKED)) {
            ALLOWED.put(terminal, EnumSet.noneOf(RequestState.class));
        }
    }

    private RequestLifecycle() {}

    public static boolean allows(RequestState from, RequestState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Returns {@code to} when the move is allowed; otherwise says which move was refused. */
    public static RequestState move(RequestState from, RequestState to) {
        if (!allows(from, to)) {
            throw new IllegalTransition(from, to);
        }
        return to;
    }

    /** A state change the lifecycle does not allow, e.g. deciding a request that was already decided. */
    public static final class IllegalTransition extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final RequestState from;
        private final RequestState to;

        IllegalTransition(RequestState from, RequestState to) {
            super("A request that is " + from + " cannot become " + to);
            this.from = from;
            this.to = to;
        }

        public RequestState from() {
            return from;
        }

        public RequestState to() {
            return to;
        }
    }
}
