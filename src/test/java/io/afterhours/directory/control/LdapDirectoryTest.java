package io.afterhours.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.ApproverResolution.Reason;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.DirectoryUnavailable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LDAP reader against the shipped demo directory in an in-process UnboundID server: account name forms, awkward
 * names, LDAP injection attempts, every manager-resolution edge case the LDIF holds, and the timeouts (P15).
 */
class LdapDirectoryTest {

    private static final String SERVICE_PASSWORD = "service-secret";
    private static final String FALLBACK = "Afterhours-Approvers";
    private static final UUID NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private static DemoDirectoryServer server;
    private static LdapDirectory directory;

    @BeforeAll
    static void startDirectory() {
        server = DemoDirectoryServer.start(0, "demo-password", SERVICE_PASSWORD);
        directory = new LdapDirectory(settings(server.url(), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
        server.close();
    }

    @Test
    void findsAPersonByBareAccountWithTheirGuidManagerAndGroups() {
        DirectoryPerson zoe = find("zlefevre");

        assertEquals("Zoë Lefèvre", zoe.displayName());
        assertEquals("zlefevre@corp.local", zoe.mail());
        assertEquals(guidOf("zlefevre"), zoe.guid());
        assertEquals("cn=Mathilde Dubois,ou=users,dc=corp,dc=local", zoe.managerDn());
        assertTrue(zoe.isMemberOf("night-ops"));
        assertFalse(zoe.disabled());
    }

    @Test
    void findsByDomainAccountAndByUserPrincipalName() {
        assertEquals("Seán O'Brien", find("CORP\\sobrien").displayName());
        assertEquals("山田 太郎", find("tyamada@corp.local").displayName());
        assertEquals("Анна Иванова", find("aivanova").displayName());
    }

    @Test
    void knowsAdministratorsAuditorsAndDisabledAccounts() {
        assertTrue(find("aadmin").isMemberOf("Afterhours-Admins"));
        assertTrue(find("aauditor").isMemberOf("Afterhours-Auditors"));
        assertTrue(find("dgone").disabled());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "z*",
                "*)(sAMAccountName=*",
                "zlefevre)(|(cn=*",
                "*)(|(objectClass=*))",
                "zlefevre\u0000",
                "CORP\\*",
                "*@corp.local",
                "\\2a"
            })
    void treatsFilterMetacharactersAsPlainText(String hostile) {
        assertTrue(directory.findByAccount(AccountName.parse(hostile)).isEmpty(), hostile);
    }

    @Test
    void resolvesTheLineManager() {
        ApproverResolution resolution = resolve("zlefevre");

        assertEquals(Reason.LINE_MANAGER, resolution.reason());
        assertEquals(guidOf("mdubois"), resolution.approver().orElseThrow().guid());
    }

    @Test
    void sendsPeopleWithoutAManagerToTheFallbackGroup() {
        ApproverResolution resolution = resolve("enomanager");

        assertTrue(resolution.usesFallback());
        assertEquals(FALLBACK, resolution.fallbackGroup());
        assertEquals(Reason.NO_MANAGER, resolution.reason());
    }

    @Test
    void neverMakesSomeoneTheirOwnApprover() {
        ApproverResolution resolution = resolve("sself");

        assertTrue(resolution.usesFallback());
        assertEquals(Reason.MANAGER_IS_SELF, resolution.reason());
    }

    @Test
    void skipsADisabledManagerUpwards() {
        ApproverResolution resolution = resolve("dreports");

        assertEquals(Reason.MANAGER_DISABLED_ESCALATED, resolution.reason());
        assertEquals(guidOf("cfontaine"), resolution.approver().orElseThrow().guid());
    }

    @Test
    void inAManagerLoopTheOtherPersonStillApproves() {
        ApproverResolution resolution = resolve("lloop");

        assertEquals(guidOf("rround"), resolution.approver().orElseThrow().guid());
    }

    @Test
    void seesAManagerChangeOnTheNextLookup() throws Exception {
        String jose = "cn=José Álvarez,ou=users,dc=corp,dc=local";
        try (LDAPConnection admin =
                new LDAPConnection("127.0.0.1", server.port(), DemoDirectoryServer.SERVICE_DN, SERVICE_PASSWORD)) {
            assertEquals(
                    guidOf("kbenali"),
                    resolve("jalvarez").approver().orElseThrow().guid());
            admin.modify(
                    jose,
                    new Modification(
                            ModificationType.REPLACE, "manager", "cn=Mathilde Dubois,ou=users,dc=corp,dc=local"));
            try {
                assertEquals(
                        guidOf("mdubois"),
                        resolve("jalvarez").approver().orElseThrow().guid());
            } finally {
                admin.modify(
                        jose,
                        new Modification(
                                ModificationType.REPLACE, "manager", "cn=Karim Benali,ou=users,dc=corp,dc=local"));
            }
        }
    }

    @Test
    void failsFastWhenTheDirectoryAcceptsButNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                LdapDirectory hanging = new LdapDirectory(
                        settings("ldap://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(700)))) {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThrows(
                            DirectoryUnavailable.class, () -> hanging.findByAccount(AccountName.parse("x"))));
        }
    }

    @Test
    void whileTheDirectoryIsDownRefusesAtOnceAndTriesAgainAfterAPause() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                LdapDirectory hanging = new LdapDirectory(
                        settings("ldap://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300)))) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Instant now = Instant.parse("2026-11-28T22:00:00Z");
            hanging.clock = Clock.fixed(now, ZoneOffset.UTC);

            assertThrows(DirectoryUnavailable.class, () -> hanging.findByAccount(AccountName.parse("x")));
            assertEquals(1, connections.get());
            assertThrows(DirectoryUnavailable.class, () -> hanging.findByAccount(AccountName.parse("y")));
            assertEquals(1, connections.get(), "refused without trying while the directory is known to be down");

            hanging.clock = Clock.fixed(now.plus(LdapDirectory.RETRY_AFTER), ZoneOffset.UTC);
            assertThrows(DirectoryUnavailable.class, () -> hanging.findByAccount(AccountName.parse("z")));
            assertEquals(2, connections.get(), "tried again after the pause");
        }
    }

    @Test
    void failsFastWhenTheDirectoryIsDown() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (LdapDirectory down =
                new LdapDirectory(settings("ldap://127.0.0.1:" + closedPort, Duration.ofSeconds(1)))) {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThrows(DirectoryUnavailable.class, () -> down.findByAccount(AccountName.parse("x"))));
        }
    }

    @Test
    void findsAPersonByObjectGuid() {
        assertEquals(
                "Paul Martin",
                directory.findByGuid(guidOf("pmartin")).orElseThrow().displayName());
        assertTrue(directory.findByGuid(UUID.randomUUID()).isEmpty());
    }

    @Test
    void listsDirectReportsOnlyAndHonoursTheLimit() {
        String mathilde = find("mdubois").dn();
        List<String> team = directory.directReports(mathilde, 100).stream()
                .map(DirectoryPerson::account)
                .sorted()
                .toList();

        assertEquals(List.of("pmartin", "sobrien", "tyamada", "zlefevre"), team);
        assertEquals(2, directory.directReports(mathilde, 2).size(), "a bounded list, not an error");
        assertTrue(directory.directReports(find("zlefevre").dn(), 100).isEmpty());
    }

    private static DirectoryPerson find(String account) {
        return directory.findByAccount(AccountName.parse(account)).orElseThrow(() -> new AssertionError(account));
    }

    private static ApproverResolution resolve(String account) {
        return ManagerChain.resolve(find(account), directory::findByDn, FALLBACK, 5);
    }

    private static UUID guidOf(String account) {
        return uuid5(account);
    }

    /** The LDIF's objectGUIDs are name-based UUIDs (version 5) of the account name. */
    private static UUID uuid5(String name) {
        try {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            java.nio.ByteBuffer ns = java.nio.ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DirectorySettings settings(String url, Duration readTimeout) {
        return new DirectorySettings(
                url,
                Optional.of(DemoDirectoryServer.SERVICE_DN),
                Optional.of(SERVICE_PASSWORD),
                DemoDirectoryServer.USER_BASE,
                "sAMAccountName",
                Duration.ofSeconds(1),
                readTimeout,
                5);
    }
}
