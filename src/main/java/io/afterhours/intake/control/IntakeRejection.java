package io.afterhours.intake.control;

/**
 * A notification refused before anything was stored. The detail is safe to return to the sender: it names what was
 * wrong, never the content.
 */
public class IntakeRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;
    private final String presentedId;

    public IntakeRejection(RejectionReason reason, String detail) {
        this(reason, detail, null);
    }

    /** A refusal of the UserLock ID {@code presentedId}: kept for a masked mention in the administrators' alert. */
    public IntakeRejection(RejectionReason reason, String detail, String presentedId) {
        super(detail, null, false, false);
        this.reason = reason;
        this.presentedId = presentedId;
    }

    public String presentedId() {
        return presentedId;
    }

    public RejectionReason reason() {
        return reason;
    }
}
