package io.afterhours.notification.entity;

/** A rendered message: a header-safe subject, the plain-text part and the HTML part. */
public record ComposedMail(String subject, String text, String html) {}
