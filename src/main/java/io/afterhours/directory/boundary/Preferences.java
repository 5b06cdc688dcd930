package io.afterhours.directory.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.entity.PersonSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time zone each person sees times in (F2: "every screen shows them in the viewer's zone, with the zone named"):
 * their own choice on My profile, or the organisation's {@code afterhours.display.zone}; and the language of the mails
 * they get (F4), if they chose one over the directory's. Only for oneself.
 */
@ApplicationScoped
@Transactional
public class Preferences {

    /** Every zone a person may choose: the IANA regions, sorted, without the legacy aliases. */
    /** The languages a person may choose for their mails (there are texts for these). */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    public static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.display.zone")
    String displayZone;

    /** The signed-in person's zone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ZoneId myZone() {
        return zoneOf(people.me().guid());
    }

    /** A person's zone, for what the system shows or sends them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ZoneId zoneOf(UUID person) {
        PersonSetting setting = em.find(PersonSetting.class, person.toString());
        return setting == null || setting.zone() == null ? organisationZone() : setting.zone();
    }

    /** The language a person chose for their mails on My profile, if any: it wins over the directory's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<String> languageOf(UUID person) {
        PersonSetting setting = em.find(PersonSetting.class, person.toString());
        return java.util.Optional.ofNullable(setting == null ? null : setting.language());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<String> myLanguage() {
        return languageOf(people.me().guid());
    }

    /**
     * Sets the signed-in person's mail language ({@link #LANGUAGES}); blank or null goes back to the directory's. Any
     * other code is refused with {@link IllegalArgumentException}. Audited.
     */
    public java.util.Optional<String> chooseLanguage(String code) {
        String language = code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT);
        if (!language.isEmpty() && !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unknown language");
        }
        DirectoryPerson me = people.me();
        PersonSetting setting = em.find(PersonSetting.class, me.guid().toString());
        String before = setting == null || setting.language() == null ? "(directory)" : setting.language();
        if (setting == null) {
            setting = new PersonSetting(me.guid(), clock.instant());
            em.persist(setting);
        }
        setting.changeLanguage(language.isEmpty() ? null : language, clock.instant());
        auditLog.append(new AuditRecord(
                        ActorType.PERSON,
                        me.account(),
                        "person.language",
                        "person " + me.guid(),
                        before + " -> " + (language.isEmpty() ? "(directory)" : language))
                .about(Concerning.person(me.guid(), me.account())));
        return java.util.Optional.ofNullable(setting.language());
    }

    public ZoneId organisationZone() {
        return ZoneId.of(displayZone);
    }

    /** Sets the signed-in person's zone; an unknown zone id is refused with {@link IllegalArgumentException}. */
    public ZoneId chooseZone(String zoneId) {
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId == null ? "" : zoneId.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone", e);
        }
        DirectoryPerson me = people.me();
        PersonSetting setting = em.find(PersonSetting.class, me.guid().toString());
        ZoneId before = setting == null || setting.zone() == null ? organisationZone() : setting.zone();
        if (setting == null) {
            em.persist(new PersonSetting(me.guid(), zone, clock.instant()));
        } else {
            setting.change(zone, clock.instant());
        }
        auditLog.append(new AuditRecord(
                        ActorType.PERSON, me.account(), "person.zone", "person " + me.guid(), before + " -> " + zone)
                .about(Concerning.person(me.guid(), me.account())));
        return zone;
    }
}
