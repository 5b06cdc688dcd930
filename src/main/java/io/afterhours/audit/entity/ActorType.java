package io.afterhours.audit.entity;

/** Who caused an audited action: a signed-in person or the system itself (intake, workers, timers). */
public enum ActorType {
    PERSON,
    SYSTEM
}
