/**
 * Who is who (product.md F8): people, their e-mail, display name, {@code objectGUID}, line manager and groups, read
 * from Active Directory over LDAP, or from the in-memory demo directory. Identities are compared by GUID, never by
 * name. It also signs people in ({@code DirectoryIdentityStore}, {@code login.xhtml}), gives them their roles, keeps
 * their sessions honest ({@code SessionGuard}) and shows people to those entitled to see them ({@code People}). Other
 * features use {@code directory.boundary.Directory} and {@code People}; it depends on {@code platform} and
 * {@code audit.boundary}.
 */
package io.afterhours.directory;
