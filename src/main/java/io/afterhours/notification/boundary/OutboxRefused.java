package io.afterhours.notification.boundary;

/** An outbox action that does not apply to the row as it stands; the message is a bundle key for the page. */
public class OutboxRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutboxRefused(String key) {
        super(key);
    }
}
