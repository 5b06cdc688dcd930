package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the built WAR carries in WEB-INF/lib (stack.md: Payara ships Jakarta Mail as Angus Mail). A second mail
 * implementation or API in the WAR would shadow Payara's and split mail classes between two class loaders, so the
 * demo mailbox's GreenMail must come without one. Runs after packaging, on the real WAR; no server needed.
 */
class WarContentIT {

    private static final Pattern MAIL_JARS = Pattern.compile(
            "WEB-INF/lib/(jakarta\\.mail|angus-|javax\\.mail|mail-|jakarta\\.activation|smtp-|imap-|pop3-|dsn-)[^/]*\\.jar");

    @Test
    void theWarBringsNoMailImplementationOfItsOwn() throws IOException {
        File war = new File(System.getProperty("afterhours.it.buildDirectory", "target"), "afterhours.war");
        try (ZipFile zip = new ZipFile(war)) {
            List<String> libs = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("WEB-INF/lib/"))
                    .toList();
            List<String> mail =
                    libs.stream().filter(n -> MAIL_JARS.matcher(n).matches()).toList();

            assertTrue(mail.isEmpty(), "mail jars in the WAR: " + mail);
            assertTrue(libs.stream().anyMatch(n -> n.contains("greenmail")), "the demo mailbox's server: " + libs);
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("WEB-INF/lib/") && isMailInside(zip, e)));
        }
    }

    /** A jar that would bring Jakarta Mail's own classes under another name. */
    private static boolean isMailInside(ZipFile war, ZipEntry jar) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(war.getInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (name.startsWith("jakarta/mail/")
                        || name.startsWith("org/eclipse/angus/mail/")
                        || name.startsWith("com/sun/mail/")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
