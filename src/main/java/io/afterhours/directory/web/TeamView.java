package io.afterhours.directory.web;

import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** A manager's direct reports ({@code team.xhtml}); later issues add their requests and usage here. */
@Named
@RequestScoped
public class TeamView {

    @Inject
    People people;

    @Inject
    FacesContext faces;

    private List<DirectoryPerson> members = List.of();

    public void load() {
        try {
            members = people.myTeam();
        } catch (AccessRefused e) {
            Refusal.refuse(faces, e.getMessage());
        }
    }

    public List<DirectoryPerson> getMembers() {
        return members;
    }
}
