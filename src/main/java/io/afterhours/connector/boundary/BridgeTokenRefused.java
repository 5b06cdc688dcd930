package io.afterhours.connector.boundary;

/** A bridge-token change refused, with the reason as a message key. Unchecked, so nothing is saved. */
public class BridgeTokenRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BridgeTokenRefused(String problem) {
        super(problem);
    }

    public String problem() {
        return getMessage();
    }
}
