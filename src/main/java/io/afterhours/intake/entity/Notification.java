package io.afterhours.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored UserLock notification: its own audit record, never changed after intake (reclassification with the
 * mapping page, issue 7, will be the one exception). Rows are written by {@code NotificationStore} in batches over
 * JDBC; JPA reads them for the portal. {@code rawJson} is the body as received with the UserLock ID redacted.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private Long id;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "event_time")
    private Instant eventTime;

    @Column(name = "event_time_text")
    private String eventTimeText;

    @Enumerated(EnumType.STRING)
    @Column(name = "time_quality")
    private TimeQuality timeQuality;

    @Column(name = "event_type")
    private Integer eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_category")
    private EventCategory category;

    @Enumerated(EnumType.STRING)
    private Classification classification;

    private boolean mapped;

    @Column(name = "server_slot")
    private String serverSlot;

    @Column(name = "server_fqdn")
    private String serverFqdn;

    @Column(name = "server_name")
    private String serverName;

    @Column(name = "user_name")
    private String userName;

    @Column(name = "user_domain")
    private String userDomain;

    private String computer;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "session_type")
    private String sessionType;

    @Column(name = "session_id")
    private String sessionId;

    private String details;

    @Column(name = "unmapped_members")
    private String unmappedMembers;

    @Column(name = "raw_json")
    private String rawJson;

    protected Notification() {}

    public Long id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant eventTime() {
        return eventTime;
    }

    public String eventTimeText() {
        return eventTimeText;
    }

    public TimeQuality timeQuality() {
        return timeQuality;
    }

    public Integer eventType() {
        return eventType;
    }

    public EventCategory category() {
        return category;
    }

    public Classification classification() {
        return classification;
    }

    public boolean mapped() {
        return mapped;
    }

    public String serverSlot() {
        return serverSlot;
    }

    public String serverFqdn() {
        return serverFqdn;
    }

    public String serverName() {
        return serverName;
    }

    public String userName() {
        return userName;
    }

    public String userDomain() {
        return userDomain;
    }

    public String computer() {
        return computer;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String sessionType() {
        return sessionType;
    }

    public String sessionId() {
        return sessionId;
    }

    public String details() {
        return details;
    }

    public String unmappedMembers() {
        return unmappedMembers;
    }

    public String rawJson() {
        return rawJson;
    }
}
