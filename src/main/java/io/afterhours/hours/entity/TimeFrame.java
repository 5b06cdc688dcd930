package io.afterhours.hours.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One authorised time frame of a working-hours policy on one weekday, for some session types. Its rules (whole day,
 * overnight) live in {@code hours.control.Schedule}; this is the stored row.
 */
@Embeddable
public class TimeFrame {

    @Enumerated(EnumType.STRING)
    @Column(name = "weekday", nullable = false)
    private DayOfWeek weekday;

    @Column(name = "start_time", nullable = false)
    private LocalTime start;

    @Column(name = "end_time", nullable = false)
    private LocalTime end;

    /** Comma-separated {@link SessionType} names, in enum order. */
    @Column(name = "session_types", nullable = false)
    private String sessionTypes;

    protected TimeFrame() {}

    public TimeFrame(DayOfWeek weekday, LocalTime start, LocalTime end, String sessionTypes) {
        this.weekday = weekday;
        this.start = start;
        this.end = end;
        this.sessionTypes = sessionTypes;
    }

    public DayOfWeek weekday() {
        return weekday;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }

    public String sessionTypes() {
        return sessionTypes;
    }
}
