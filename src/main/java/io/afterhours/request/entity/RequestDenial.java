package io.afterhours.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One denied logon attached to a request: the evidence an approver sees (when, where from, which session). */
@Entity
@Table(name = "request_denial")
@IdClass(RequestDenial.Key.class)
public class RequestDenial {

    @Id
    @Column(name = "request_id")
    private long requestId;

    @Id
    @Column(name = "notification_id")
    private long notificationId;

    @Column(name = "denied_at", nullable = false)
    private Instant deniedAt;

    private String computer;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "session_type")
    private String sessionType;

    protected RequestDenial() {}

    public RequestDenial(
            long requestId,
            long notificationId,
            Instant deniedAt,
            String computer,
            String clientAddress,
            String sessionType) {
        this.requestId = requestId;
        this.notificationId = notificationId;
        this.deniedAt = deniedAt;
        this.computer = computer;
        this.clientAddress = clientAddress;
        this.sessionType = sessionType;
    }

    public long requestId() {
        return requestId;
    }

    public Instant deniedAt() {
        return deniedAt;
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

    /** The composite key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;
        private long requestId;
        private long notificationId;

        public Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.requestId == requestId && key.notificationId == notificationId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, notificationId);
        }
    }
}
