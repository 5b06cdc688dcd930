package io.afterhours.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A person's own portal settings, by objectGUID. The zone is stored as its IANA id and always valid. */
@Entity
@Table(name = "person_setting")
public class PersonSetting {

    @Id
    @Column(name = "person_guid")
    private String personGuid;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PersonSetting() {}

    public PersonSetting(UUID person, ZoneId zone, Instant now) {
        this.personGuid = person.toString();
        change(zone, now);
    }

    public final void change(ZoneId zone, Instant now) {
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
