package io.afterhours.directory.boundary;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the identity store learnt while checking this request's sign-in, for the sign-in page. Needed because Payara's
 * JASPIC layer turns any exception from an identity store into a plain "authentication failed", so a directory outage
 * would otherwise read as "wrong password".
 */
@RequestScoped
public class SignInAttempt {

    private boolean directoryUnavailable;

    public boolean directoryUnavailable() {
        return directoryUnavailable;
    }

    void markDirectoryUnavailable() {
        directoryUnavailable = true;
    }
}
