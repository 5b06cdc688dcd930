package io.afterhours.platform.boundary;

/**
 * The signed-in person may not see or do this with this object. Views answer 403; the refused-access page audits it
 * with {@link #getMessage()}, which names the object but nothing from it.
 */
public class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessRefused(String message) {
        super(message);
    }
}
