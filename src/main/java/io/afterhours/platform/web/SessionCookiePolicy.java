package io.afterhours.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie and idle timeout from configuration, set while the application starts (the only moment the
 * Servlet API allows it). The cookie is always {@code HttpOnly} and {@code SameSite=Lax} (payara-web.xml). In the HTTPS
 * configuration ({@code afterhours.web.https=true}: served over TLS, by Payara or a proxy in front) it is also
 * {@code Secure} and named with the {@code __Host-} prefix, which browsers accept only on a secure, host-only,
 * path-{@code /} cookie, so no sibling subdomain or plain-HTTP page can plant or overwrite it (ASVS 3.3.1, 3.3.3).
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionCookiePolicy.class.getName());
    /** The session cookie's name in the HTTPS configuration. */
    public static final String SECURE_COOKIE_NAME = "__Host-AFTERHOURS";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Duration idle = config().getValue("afterhours.session.idle-timeout", Duration.class);
        context.setSessionTimeout(idleMinutes(idle));
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        if (httpsOnly()) {
            cookie.setName(SECURE_COOKIE_NAME);
            cookie.setSecure(true);
            cookie.setPath("/");
            LOG.info(() -> "HTTPS configuration: session cookie " + SECURE_COOKIE_NAME + ", Secure; HSTS always sent");
        }
    }

    /** Whole minutes, at least one: the Servlet API counts the session timeout in minutes. */
    static int idleMinutes(Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalStateException("afterhours.session.idle-timeout must be positive, not " + idle);
        }
        return (int) Math.max(1, (idle.toSeconds() + 59) / 60);
    }

    static boolean httpsOnly() {
        return config().getValue("afterhours.web.https", Boolean.class);
    }

    private static Config config() {
        return ConfigProvider.getConfig(SessionCookiePolicy.class.getClassLoader());
    }
}
