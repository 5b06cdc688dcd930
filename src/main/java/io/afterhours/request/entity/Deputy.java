package io.afterhours.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A manager's deputy for a period: while {@code startsAt <= now < endsAt} the deputy may decide whatever the manager
 * may decide, and every such decision says "on behalf of" the manager. Both people are kept by objectGUID; the names
 * are for display only.
 */
@Entity
@Table(name = "deputy")
public class Deputy {

    @Id
    @SequenceGenerator(name = "deputy_seq", sequenceName = "deputy_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deputy_seq")
    private Long id;

    @Column(name = "manager_guid", nullable = false)
    private String managerGuid;

    @Column(name = "manager_name")
    private String managerName;

    @Column(name = "deputy_guid", nullable = false)
    private String deputyGuid;

    @Column(name = "deputy_account", nullable = false)
    private String deputyAccount;

    @Column(name = "deputy_name")
    private String deputyName;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Deputy() {}

    public Deputy(
            UUID manager,
            String managerName,
            UUID deputy,
            String deputyAccount,
            String deputyName,
            Instant startsAt,
            Instant endsAt,
            Instant createdAt) {
        this.managerGuid = manager.toString();
        this.managerName = managerName;
        this.deputyGuid = deputy.toString();
        this.deputyAccount = deputyAccount;
        this.deputyName = deputyName;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdAt = createdAt;
    }

    /** Ends a running deputyship now; the row stays as the record of who could decide when. */
    public void endAt(Instant now) {
        if (activeAt(now)) {
            endsAt = now;
        }
    }

    public boolean startsAfter(Instant moment) {
        return startsAt.isAfter(moment);
    }

    public boolean activeAt(Instant moment) {
        return !startsAt.isAfter(moment) && endsAt.isAfter(moment);
    }

    public Long id() {
        return id;
    }

    public UUID manager() {
        return UUID.fromString(managerGuid);
    }

    public String managerName() {
        return managerName;
    }

    public UUID deputy() {
        return UUID.fromString(deputyGuid);
    }

    public String deputyAccount() {
        return deputyAccount;
    }

    public String deputyName() {
        return deputyName;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }
}
