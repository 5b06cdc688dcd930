package io.afterhours.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A person's own portal settings, by objectGUID: the zone (its IANA id, always valid) and the language of their mails
 * ("en", "fr"); either may be unset (null), meaning the organisation's or the directory's.
 */
@Entity
@Table(name = "person_setting")
public class PersonSetting {

    @Id
    @Column(name = "person_guid")
    private String personGuid;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "mail_language")
    private String mailLanguage;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PersonSetting() {}

    public PersonSetting(UUID person, ZoneId zone, Instant now) {
        this.personGuid = person.toString();
        change(zone, now);
    }

    /** Settings with nothing chosen yet. */
    public PersonSetting(UUID person, Instant now) {
        this.personGuid = person.toString();
        this.updatedAt = now;
    }

    public final void change(ZoneId zone, Instant now) {
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    /** The chosen language of mails, or null for the directory's (the caller checks the code). */
    public final void changeLanguage(String language, Instant now) {
        this.mailLanguage = language;
        this.updatedAt = now;
    }

    /** The chosen zone, or null. */
    public ZoneId zone() {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }

    /** The chosen language of mails, or null. */
    public String language() {
        return mailLanguage;
    }
}
