package io.afterhours.hours.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A working-hours policy: the default (no group) or an override for the members of one directory group. Invariant:
 * {@code scopeKey} is {@value #DEFAULT_SCOPE} for the default and the lower-cased group otherwise, unique in the
 * table, so there is one default and one policy per group. Administrators edit it concurrently, hence the version.
 */
@Entity
@Table(name = "working_hours_policy")
public class WorkingHoursPolicy {

    public static final String DEFAULT_SCOPE = "*";

    @Id
    @SequenceGenerator(name = "working_hours_policy_seq", sequenceName = "working_hours_policy_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "working_hours_policy_seq")
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private String name;

    @Column(name = "directory_group")
    private String directoryGroup;

    @Column(name = "scope_key", nullable = false)
    private String scopeKey;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private String zone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "working_hours_frame", joinColumns = @JoinColumn(name = "policy_id"))
    @OrderColumn(name = "position")
    private List<TimeFrame> frames = new ArrayList<>();

    protected WorkingHoursPolicy() {}

    public WorkingHoursPolicy(String name, String directoryGroup, int priority, String zone, List<TimeFrame> frames) {
        change(name, directoryGroup, priority, zone, frames);
    }

    /** Replaces everything an administrator edits; the group decides the scope key. */
    public final void change(String name, String directoryGroup, int priority, String zone, List<TimeFrame> frames) {
        this.name = name;
        this.directoryGroup = directoryGroup;
        this.scopeKey = directoryGroup == null ? DEFAULT_SCOPE : directoryGroup.toLowerCase(Locale.ROOT);
        this.priority = directoryGroup == null ? 0 : priority;
        this.zone = zone;
        this.frames.clear();
        this.frames.addAll(frames);
    }

    public boolean isDefault() {
        return directoryGroup == null;
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

    public String directoryGroup() {
        return directoryGroup;
    }

    public int priority() {
        return priority;
    }

    public String zone() {
        return zone;
    }

    public List<TimeFrame> frames() {
        return List.copyOf(frames);
    }
}
