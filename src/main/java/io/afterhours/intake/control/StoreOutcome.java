package io.afterhours.intake.control;

/** What became of an accepted notification; every one of them is answered 2xx. */
public enum StoreOutcome {
    STORED,
    DUPLICATE,
    SPOOLED
}
