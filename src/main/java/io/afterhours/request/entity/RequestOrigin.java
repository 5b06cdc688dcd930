package io.afterhours.request.entity;

/** How a request came to be: opened by a denied out-of-hours logon, or asked for ahead of time. */
public enum RequestOrigin {
    DENIAL,
    AHEAD
}
