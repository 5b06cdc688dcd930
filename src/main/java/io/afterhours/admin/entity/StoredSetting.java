package io.afterhours.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A value an administrator saved in the portal for one setting key. It overrides the default from
 * microprofile-config.properties; a key pinned by the operator (environment, system property) never gets a row, because
 * saving it is refused. Versioned: two administrators editing the same key at once must not overwrite each other.
 */
@Entity
@Table(name = "setting")
public class StoredSetting {

    @Id
    @Column(name = "setting_key")
    private String key;

    @Version
    private long version;

    @Column(name = "setting_value", nullable = false)
    private String value;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected StoredSetting() {}

    public StoredSetting(String key, String value, String changedBy, Instant changedAt) {
        this.key = key;
        change(value, changedBy, changedAt);
    }

    public final void change(String value, String changedBy, Instant changedAt) {
        this.value = value;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String key() {
        return key;
    }

    public long version() {
        return version;
    }

    public String value() {
        return value;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
