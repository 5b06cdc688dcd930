package io.afterhours.intake.control;

/**
 * A notification refused before anything was stored. The detail is safe to return to the sender: it names what was
 * wrong, never the content.
 */
public class IntakeRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public IntakeRejection(RejectionReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
