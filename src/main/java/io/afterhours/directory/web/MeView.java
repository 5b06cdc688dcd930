package io.afterhours.directory.web;

import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.DirectoryUnavailable;
import io.afterhours.directory.boundary.People;
import io.afterhours.platform.boundary.AccessRefused;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in person for the page frame (name in the top bar); looked up once per request. */
@Named("me")
@RequestScoped
public class MeView {

    @Inject
    People people;

    private DirectoryPerson person;
    private boolean looked;

    public DirectoryPerson getPerson() {
        if (!looked) {
            looked = true;
            try {
                person = people.me();
            } catch (AccessRefused | DirectoryUnavailable e) {
                // The frame still renders (with the account name) when the directory cannot say more.
                person = null;
            }
        }
        return person;
    }
}
