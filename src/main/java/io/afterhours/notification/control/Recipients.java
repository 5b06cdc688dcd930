package io.afterhours.notification.control;

import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.Preferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns people and groups into mail recipients: the directory gives the address, the name and the language, the
 * person's own choices on My profile the zone and (over the directory's) the language. Someone without an address gets nothing (logged, never an error: the
 * change that causes the mail must not fail for it).
 */
@ApplicationScoped
public class Recipients {

    private static final Logger LOG = Logger.getLogger(Recipients.class.getName());

    @Inject
    Directory directory;

    @Inject
    Preferences preferences;

    @Inject
    @ConfigProperty(name = "afterhours.mail.default-language")
    String defaultLanguage;

    @Inject
    @ConfigProperty(name = "afterhours.mail.admin-address")
    Optional<String> adminAddress;

    public Optional<Recipient> person(UUID guid) {
        if (guid == null) {
            return Optional.empty();
        }
        Optional<Recipient> found = directory.findByGuid(guid).flatMap(this::of);
        if (found.isEmpty()) {
            LOG.info(() -> "No mail address for " + guid + ": no mail sent");
        }
        return found;
    }

    /** The enabled members of a group who have an address. */
    public List<Recipient> group(String group) {
        if (group == null || group.isBlank()) {
            return List.of();
        }
        return directory.members(group).stream().flatMap(p -> of(p).stream()).toList();
    }

    /** The administrators (the admin group's members) and the extra administrators' address, each once. */
    public List<Recipient> administrators() {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Recipient r : group(directory.adminGroup())) {
            byAddress.putIfAbsent(r.address().toLowerCase(Locale.ROOT), r);
        }
        adminAddress
                .filter(a -> !a.isBlank())
                .map(String::strip)
                .ifPresent(a -> byAddress.putIfAbsent(a.toLowerCase(Locale.ROOT), byAddress(a, null)));
        return new ArrayList<>(byAddress.values());
    }

    /** The auditors (the auditor group's members) and the administrators, each once: who gets the audit digest. */
    public List<Recipient> auditorsAndAdministrators() {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Recipient r : group(directory.auditorGroup())) {
            byAddress.putIfAbsent(r.address().toLowerCase(Locale.ROOT), r);
        }
        for (Recipient r : administrators()) {
            byAddress.putIfAbsent(r.address().toLowerCase(Locale.ROOT), r);
        }
        return new ArrayList<>(byAddress.values());
    }

    /** Someone known by address only: the organisation's zone and the default language. */
    public Recipient byAddress(String address, String name) {
        return new Recipient(
                null, address, name, preferences.organisationZone(), MailLanguage.choose(null, defaultLanguage));
    }

    Optional<Recipient> of(DirectoryPerson person) {
        if (person.mail() == null || person.mail().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(
                person.guid(),
                person.mail(),
                person.displayName(),
                preferences.zoneOf(person.guid()),
                // The person's own choice on My profile, then the directory's attribute, then the default.
                MailLanguage.choose(preferences.languageOf(person.guid()).orElse(person.language()), defaultLanguage)));
    }
}
