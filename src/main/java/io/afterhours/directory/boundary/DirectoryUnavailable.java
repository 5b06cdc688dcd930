package io.afterhours.directory.boundary;

/**
 * The directory did not answer in time or refused the connection. Sign-in reports it at once; background work keeps
 * its job and retries later rather than dropping it.
 */
public class DirectoryUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
