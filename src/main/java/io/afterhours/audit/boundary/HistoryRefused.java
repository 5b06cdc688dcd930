package io.afterhours.audit.boundary;

/**
 * A history filter that cannot be answered (an unknown state, a manager the directory does not know, a range that
 * ends before it starts). The message is a resource-bundle key; {@code value} is what was asked for.
 */
public class HistoryRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String value;

    public HistoryRefused(String key, String value) {
        super(key);
        this.value = value;
    }

    public String value() {
        return value;
    }
}
