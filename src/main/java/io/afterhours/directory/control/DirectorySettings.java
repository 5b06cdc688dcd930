package io.afterhours.directory.control;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach and read the directory. Timeouts are always finite: JNDI's and Jakarta Security's default read
 * timeout of 0 means "wait forever" for a domain controller that accepts the connection and never answers (P15).
 */
public record DirectorySettings(
        String url,
        Optional<String> bindDn,
        Optional<String> bindPassword,
        String userBase,
        String accountAttribute,
        Duration connectTimeout,
        Duration readTimeout,
        int maxManagerHops,
        String languageAttribute) {

    /** Settings that read no language attribute. */
    public DirectorySettings(
            String url,
            Optional<String> bindDn,
            Optional<String> bindPassword,
            String userBase,
            String accountAttribute,
            Duration connectTimeout,
            Duration readTimeout,
            int maxManagerHops) {
        this(url, bindDn, bindPassword, userBase, accountAttribute, connectTimeout, readTimeout, maxManagerHops, null);
    }
}
