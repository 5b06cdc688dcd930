package io.afterhours.directory.control;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.DirectoryUnavailable;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.net.SocketFactory;

/**
 * Reads people from Active Directory (or the demo directory) over LDAP or LDAPS. Search filters are built from
 * components, never from strings, so a user name is always a value: {@code *)(sAMAccountName=*} finds nobody (RFC
 * 4515 escaping by the SDK). Every operation has a connect and a response timeout; a directory that is down or hangs
 * raises {@link DirectoryUnavailable} quickly.
 */
public class LdapDirectory implements AutoCloseable {

    static final String[] ATTRIBUTES = {
        "objectGUID",
        "sAMAccountName",
        "userPrincipalName",
        "displayName",
        "mail",
        "manager",
        "memberOf",
        "userAccountControl"
    };
    /** userAccountControl's ACCOUNTDISABLE flag. */
    private static final int ACCOUNT_DISABLED = 0x2;

    /** After a failed connection, how long every lookup is refused at once before the directory is tried again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final DirectorySettings settings;
    private final String[] attributes;
    private LDAPConnectionPool pool;
    private Instant lastConnectFailure;
    Clock clock = Clock.systemUTC();

    public LdapDirectory(DirectorySettings settings) {
        this.settings = settings;
        String language = settings.languageAttribute();
        this.attributes = language == null || language.isBlank()
                ? ATTRIBUTES
                : java.util.stream.Stream.concat(
                                java.util.Arrays.stream(ATTRIBUTES), java.util.stream.Stream.of(language))
                        .toArray(String[]::new);
    }

    public Optional<DirectoryPerson> findByAccount(AccountName name) {
        String attribute = name.userPrincipalName() ? "userPrincipalName" : settings.accountAttribute();
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "user"),
                Filter.createEqualityFilter(attribute, name.account()));
        return searchOne(settings.userBase(), SearchScope.SUB, filter);
    }

    public Optional<DirectoryPerson> findByDn(String dn) {
        if (dn == null || !DN.isValidDN(dn)) {
            return Optional.empty();
        }
        return searchOne(dn, SearchScope.BASE, Filter.createEqualityFilter("objectClass", "user"));
    }

    public Optional<DirectoryPerson> findByGuid(java.util.UUID guid) {
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "user"),
                Filter.createEqualityFilter("objectGUID", AdGuid.toBytes(guid)));
        return searchOne(settings.userBase(), SearchScope.SUB, filter);
    }

    /** The people whose {@code manager} is this DN (AD's {@code directReports}, computed here), at most {@code limit}. */
    public java.util.List<DirectoryPerson> directReports(String dn, int limit) {
        return search(
                Filter.createANDFilter(
                        Filter.createEqualityFilter("objectClass", "user"), Filter.createEqualityFilter("manager", dn)),
                limit);
    }

    /**
     * Checks a password by binding as the person on a fresh connection (never the pool's, whose identity must stay
     * the service account). An empty password is refused here: LDAP treats it as an anonymous bind that "succeeds".
     */
    public boolean passwordMatches(String dn, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        try {
            LDAPURL url = new LDAPURL(settings.url());
            try (LDAPConnection connection =
                    new LDAPConnection(socketFactory(url), options(), url.getHost(), url.getPort())) {
                connection.bind(dn, password);
                return true;
            }
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS
                    || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
                return false;
            }
            throw new DirectoryUnavailable("The directory did not answer: " + e.getResultCode(), e);
        }
    }

    /** Whether anyone names this DN as their manager: what makes someone a manager in the portal. */
    public boolean hasDirectReports(String dn) {
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "user"), Filter.createEqualityFilter("manager", dn));
        try {
            SearchRequest request = new SearchRequest(settings.userBase(), SearchScope.SUB, filter, "1.1");
            request.setSizeLimit(1);
            request.setResponseTimeoutMillis(settings.readTimeout().toMillis());
            return pool().search(request).getEntryCount() > 0;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return true;
            }
            throw new DirectoryUnavailable("The directory did not answer: " + e.getResultCode(), e);
        }
    }

    /**
     * The enabled people who are members of the group named {@code group} (its {@code cn}), at most {@code limit}: the
     * group is looked up under the domain of the user base (AD keeps groups beside the users' OU, not in it), then its
     * members by {@code memberOf}, which AD matches by DN.
     */
    public java.util.List<DirectoryPerson> members(String group, int limit) {
        try {
            String groupDn = groupDn(group).orElse(null);
            if (groupDn == null) {
                return java.util.List.of();
            }
            return search(
                            Filter.createANDFilter(
                                    Filter.createEqualityFilter("objectClass", "user"),
                                    Filter.createEqualityFilter("memberOf", groupDn)),
                            limit)
                    .stream()
                    .filter(p -> !p.disabled())
                    .toList();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT || e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return java.util.List.of();
            }
            throw new DirectoryUnavailable("The directory did not answer: " + e.getResultCode(), e);
        }
    }

    /** Whether exactly one group named {@code group} (its {@code cn}) exists under the domain of the user base. */
    public boolean groupExists(String group) {
        try {
            return groupDn(group).isPresent();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT || e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return false;
            }
            throw new DirectoryUnavailable("The directory did not answer: " + e.getResultCode(), e);
        }
    }

    private Optional<String> groupDn(String group) throws LDAPException {
        DN userBase = new DN(settings.userBase());
        DN domain = userBase;
        while (domain.getParent() != null && !domain.getRDN().hasAttribute("dc")) {
            domain = domain.getParent();
        }
        SearchRequest groups = new SearchRequest(
                domain.toString(),
                SearchScope.SUB,
                Filter.createANDFilter(
                        Filter.createEqualityFilter("objectClass", "group"), Filter.createEqualityFilter("cn", group)),
                "1.1");
        groups.setSizeLimit(2);
        groups.setResponseTimeoutMillis(settings.readTimeout().toMillis());
        SearchResult found = pool().search(groups);
        if (found.getEntryCount() != 1) {
            return Optional.empty();
        }
        return Optional.of(found.getSearchEntries().get(0).getDN());
    }

    /** Everyone under the user base, for the demo sign-in page only (bounded). */
    public java.util.List<DirectoryPerson> people(int limit) {
        return search(Filter.createEqualityFilter("objectClass", "user"), limit);
    }

    /**
     * Enabled people whose account, display name or mail starts with {@code text}: for choosing a person on a form.
     * The filter is built by the SDK, so the text is escaped, never spliced into filter syntax.
     */
    public java.util.List<DirectoryPerson> find(String text, int limit) {
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "user"),
                Filter.createORFilter(
                        Filter.createSubstringFilter(settings.accountAttribute(), text, null, null),
                        Filter.createSubstringFilter("displayName", text, null, null),
                        Filter.createSubstringFilter("mail", text, null, null)));
        return search(filter, limit).stream().filter(p -> !p.disabled()).toList();
    }

    private java.util.List<DirectoryPerson> search(Filter filter, int limit) {
        try {
            SearchRequest request = new SearchRequest(settings.userBase(), SearchScope.SUB, filter, attributes);
            request.setSizeLimit(limit);
            request.setResponseTimeoutMillis(settings.readTimeout().toMillis());
            java.util.List<DirectoryPerson> people = new java.util.ArrayList<>();
            for (SearchResultEntry entry : pool().search(request).getSearchEntries()) {
                people.add(toPerson(entry, settings.languageAttribute()));
            }
            return people;
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                // A bounded list is still an answer: return what came back before the limit.
                java.util.List<DirectoryPerson> people = new java.util.ArrayList<>();
                for (SearchResultEntry entry : e.getSearchEntries()) {
                    try {
                        people.add(toPerson(entry, settings.languageAttribute()));
                    } catch (LDAPException unreadable) {
                        // skip an entry we cannot read rather than lose the whole list
                    }
                }
                return people;
            }
            throw new DirectoryUnavailable("The directory did not answer: " + e.getResultCode(), e);
        } catch (LDAPException e) {
            throw new DirectoryUnavailable("The directory did not answer: " + e.getResultCode(), e);
        }
    }

    private Optional<DirectoryPerson> searchOne(String base, SearchScope scope, Filter filter) {
        try {
            SearchRequest request = new SearchRequest(base, scope, filter, attributes);
            request.setSizeLimit(2);
            request.setResponseTimeoutMillis(settings.readTimeout().toMillis());
            SearchResult result = pool().search(request);
            // Two people answering one account name is a directory problem, not a match.
            return result.getEntryCount() == 1
                    ? Optional.of(toPerson(result.getSearchEntries().get(0), settings.languageAttribute()))
                    : Optional.empty();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT || e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return Optional.empty();
            }
            throw new DirectoryUnavailable("The directory did not answer: " + e.getResultCode(), e);
        }
    }

    static DirectoryPerson toPerson(SearchResultEntry entry, String languageAttribute) throws LDAPException {
        Set<String> groups = new LinkedHashSet<>();
        Attribute memberOf = entry.getAttribute("memberOf");
        if (memberOf != null) {
            for (String groupDn : memberOf.getValues()) {
                groups.add(new DN(groupDn).getRDN().getAttributeValues()[0]);
            }
        }
        Integer control = entry.getAttributeValueAsInteger("userAccountControl");
        return new DirectoryPerson(
                AdGuid.fromBytes(entry.getAttributeValueBytes("objectGUID")),
                entry.getDN(),
                entry.getAttributeValue("sAMAccountName"),
                entry.getAttributeValue("userPrincipalName"),
                entry.getAttributeValue("displayName"),
                entry.getAttributeValue("mail"),
                entry.getAttributeValue("manager"),
                Set.copyOf(groups),
                control != null && (control & ACCOUNT_DISABLED) != 0,
                languageAttribute == null || languageAttribute.isBlank()
                        ? null
                        : entry.getAttributeValue(languageAttribute));
    }

    private synchronized LDAPConnectionPool pool() throws LDAPException {
        if (pool == null) {
            Instant now = clock.instant();
            if (lastConnectFailure != null && now.isBefore(lastConnectFailure.plus(RETRY_AFTER))) {
                // Sign-ins queue on this lock: while the directory is known to be down, refuse at once instead of
                // making each of them wait out the timeouts in turn.
                throw new LDAPException(
                        ResultCode.CONNECT_ERROR, "The directory did not answer a moment ago; retrying in seconds");
            }
            try {
                pool = connect();
                lastConnectFailure = null;
            } catch (LDAPException e) {
                lastConnectFailure = now;
                throw e;
            }
        }
        return pool;
    }

    private LDAPConnectionPool connect() throws LDAPException {
        LDAPURL url = new LDAPURL(settings.url());
        LDAPConnection connection = new LDAPConnection(socketFactory(url), options(), url.getHost(), url.getPort());
        try {
            if (settings.bindDn().isPresent()) {
                connection.bind(settings.bindDn().get(), settings.bindPassword().orElse(""));
            }
            return new LDAPConnectionPool(connection, 4);
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    private LDAPConnectionOptions options() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.readTimeout().toMillis());
        return options;
    }

    private static SocketFactory socketFactory(LDAPURL url) throws LDAPException {
        if (!"ldaps".equalsIgnoreCase(url.getScheme())) {
            return SocketFactory.getDefault();
        }
        try {
            return new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "Cannot set up LDAPS: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
