package io.afterhours.simulator.control;

/** The simulator's answer to a logon attempt, with the account and rule that decided it, for the Try-it page. */
public record Verdict(boolean allowed, String decidedBy, String reason) {}
