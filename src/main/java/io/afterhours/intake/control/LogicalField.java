package io.afterhours.intake.control;

/**
 * The notification fields UserLock's documentation promises but does not name (userlock.md 1.2). Each is found
 * through an ordered list of candidate member names or JSON pointers in {@link FieldMapping}.
 */
public enum LogicalField {
    USER("UserAccount,UserName,User,AccountName,SamAccountName,Account"),
    DOMAIN("UserDomain,Domain,DomainName"),
    COMPUTER("ComputerName,Computer,MachineName,Workstation,HostName"),
    CLIENT_ADDRESS("ClientAddress,IpAddress,ClientIp,IP,Address"),
    SESSION_TYPE("SessionType,Session"),
    SESSION_ID("SessionId,SessionID"),
    DETAILS("LogonInfo,Details,Reason,Message");

    private final String defaultCandidates;

    LogicalField(String defaultCandidates) {
        this.defaultCandidates = defaultCandidates;
    }

    /** Default candidates; each is a member name (case-insensitive) or a JSON pointer starting with "/". */
    public String defaultCandidates() {
        return defaultCandidates;
    }

    /** The MicroProfile Config key that overrides the candidates, e.g. {@code afterhours.mapping.client-address}. */
    public String configKey() {
        return "afterhours.mapping." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
