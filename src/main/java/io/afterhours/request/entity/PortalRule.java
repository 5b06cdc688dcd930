package io.afterhours.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An auto-approval rule an administrator saved in the portal (the rules from configuration have no row). Tried after
 * the configuration's rules, by {@code sortOrder}. The name never changes: decisions record it and the monthly cap
 * counts by it. Versioned, so a change made from a stale page is refused.
 */
@Entity
@Table(name = "auto_approval_rule")
public class PortalRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auto_approval_rule_seq")
    @SequenceGenerator(name = "auto_approval_rule_seq", sequenceName = "auto_approval_rule_seq", allocationSize = 1)
    private Long id;

    @Version
    private long version;

    @Column(name = "rule_name", nullable = false, updatable = false)
    private String name;

    @Column(name = "group_name", nullable = false)
    private String group;

    @Column(name = "max_duration", nullable = false)
    private String maxDuration;

    @Column(name = "max_per_month", nullable = false)
    private int maxPerMonth;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected PortalRule() {}

    public PortalRule(
            String name,
            String group,
            String maxDuration,
            int maxPerMonth,
            int sortOrder,
            String changedBy,
            Instant changedAt) {
        this.name = name;
        this.sortOrder = sortOrder;
        change(group, maxDuration, maxPerMonth, changedBy, changedAt);
    }

    public final void change(String group, String maxDuration, int maxPerMonth, String changedBy, Instant changedAt) {
        this.group = group;
        this.maxDuration = maxDuration;
        this.maxPerMonth = maxPerMonth;
        touched(changedBy, changedAt);
    }

    public void moveTo(int sortOrder, String changedBy, Instant changedAt) {
        this.sortOrder = sortOrder;
        touched(changedBy, changedAt);
    }

    private void touched(String changedBy, Instant changedAt) {
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String group() {
        return group;
    }

    public String maxDuration() {
        return maxDuration;
    }

    public int maxPerMonth() {
        return maxPerMonth;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
