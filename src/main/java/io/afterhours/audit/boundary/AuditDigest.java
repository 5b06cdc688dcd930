package io.afterhours.audit.boundary;

/**
 * The daily audit digest (fired in the transaction that records it, when {@code afterhours.audit.digest} is on): the
 * anchor just written and the verification that came with it, for the notification feature to mail to the auditors
 * and administrators, so the anchor also lands in mailboxes the database's writers do not control.
 */
public record AuditDigest(Anchor anchor, ChainVerification verification) {}
