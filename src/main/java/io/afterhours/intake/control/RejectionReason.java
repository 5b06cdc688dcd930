package io.afterhours.intake.control;

/** Why a notification was refused; the metric tag and the audit summary use {@link #tag()}. */
public enum RejectionReason {
    MALFORMED(400, "Malformed notification"),
    UNAUTHENTICATED(401, "Unauthorized"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    TOO_LARGE(413, "Payload Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    UNAVAILABLE(503, "Service Unavailable");

    private final int status;
    private final String title;

    RejectionReason(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
