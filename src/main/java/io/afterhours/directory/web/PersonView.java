package io.afterhours.directory.web;

import io.afterhours.directory.boundary.People;
import io.afterhours.directory.boundary.PersonCard;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** One person's card ({@code person.xhtml?id=<objectGUID>}); without an id, the viewer's own. */
@Named
@RequestScoped
public class PersonView {

    @Inject
    People people;

    @Inject
    FacesContext faces;

    private String id;
    private PersonCard card;

    public void load() {
        try {
            UUID guid = id == null || id.isBlank() ? people.me().guid() : UUID.fromString(id.strip());
            card = people.card(guid);
        } catch (IllegalArgumentException e) {
            Refusal.refuse(faces, "person (malformed id)");
        } catch (AccessRefused e) {
            Refusal.refuse(faces, e.getMessage());
        }
    }

    public PersonCard getCard() {
        return card;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
