/**
 * Who is who (product.md F8): people, their e-mail, display name, {@code objectGUID}, line manager and groups, read
 * from Active Directory over LDAP, or from the in-memory demo directory. Identities are compared by GUID, never by
 * name. Other features use {@code directory.boundary.Directory}; it depends on {@code platform} only.
 */
package io.afterhours.directory;
