package io.afterhours.request.web;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.request.boundary.Deputies;
import io.afterhours.request.boundary.Deputies.PersonChoice;
import io.afterhours.request.boundary.DeputyCommand;
import io.afterhours.request.boundary.DeputySummary;
import io.afterhours.request.boundary.ExtensionRequests;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The deputies part of the manager's team page ({@code team.xhtml}): who decides for me while I am away. */
@Named
@ViewScoped
public class DeputiesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Deputies deputies;

    @Inject
    transient ExtensionRequests requests;

    private ZoneId zone;
    private String deputyAccount;
    private LocalDate from;
    private LocalDate until;
    private List<DeputySummary> list = List.of();
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    @PostConstruct
    void init() {
        zone = requests.rules().displayZone();
        from = LocalDate.now(zone);
        until = from.plusDays(6);
        reload();
    }

    public void appoint() {
        DeputyCommand command = new DeputyCommand(deputyAccount, from, until);
        if (RequestActions.run(() -> deputies.appoint(command), "deputy.appointed", deputyAccount)) {
            reload();
        }
    }

    public void withdraw(long id) {
        if (RequestActions.run(() -> deputies.withdraw(id), "deputy.withdrawn", id)) {
            reload();
        }
    }

    /** For the person field: accounts whose account, name or mail starts with what was typed. */
    public List<String> complete(String typed) {
        List<PersonChoice> found = deputies.candidates(typed);
        found.forEach(choice -> names.put(choice.account(), choice.name()));
        return found.stream().map(PersonChoice::account).toList();
    }

    /** The name of a person the field offered, to show next to the account. */
    public String nameOf(String account) {
        return names.getOrDefault(account, "");
    }

    public String shown(Instant instant) {
        return WindowText.moment(instant, zone);
    }

    public String getZoneName() {
        return zone.getId();
    }

    public List<DeputySummary> getList() {
        return list;
    }

    public String getDeputyAccount() {
        return deputyAccount;
    }

    public void setDeputyAccount(String deputyAccount) {
        this.deputyAccount = deputyAccount;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    private void reload() {
        try {
            list = deputies.mine();
        } catch (AccessRefused e) {
            // The page itself refuses non-managers; this part just stays empty.
            list = List.of();
        }
    }
}
