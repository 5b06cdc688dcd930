package io.afterhours.simulator.web;

import io.afterhours.connector.boundary.ActionQueue;
import io.afterhours.connector.boundary.ActionSummary;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.hours.entity.SessionType;
import io.afterhours.simulator.boundary.Attempt;
import io.afterhours.simulator.boundary.Simulator;
import io.afterhours.simulator.control.BridgePoller;
import io.afterhours.simulator.control.TemporaryAccount;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * View state of the Try-it page ({@code admin/tryit.xhtml}, demo only): a demo user attempts a logon at a chosen
 * time on the simulated UserLock, sees the verdict and the notification sent, and after approval tries again. The
 * page also shows the simulator's temporary accounts for that user and the action queue, and lets the administrator
 * pause the simulated bridge or make its next applies fail.
 */
@Named
@ViewScoped
public class TryItView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    Simulator simulator;

    @Inject
    BridgePoller poller;

    @Inject
    Directory directory;

    @Inject
    ActionQueue queue;

    @Inject
    Preferences preferences;

    private ZoneId zone;
    private String account;
    private String when;
    private String sessionType = SessionType.WORKSTATION.name();
    private String computer = "PC-042";
    private int failures = 1;
    private Attempt last;

    @PostConstruct
    void init() {
        zone = preferences.myZone();
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        // The simulator calls the portal back on the listener this page came through (the tests' server is not at
        // afterhours.portal.url); the loopback address, as UserLock would reach the webhook from inside.
        simulator.learnLocalBase(
                request.getScheme() + "://127.0.0.1:" + request.getLocalPort() + request.getContextPath());
    }

    public boolean isEnabled() {
        return simulator.enabled();
    }

    public List<DirectoryPerson> getPeople() {
        return directory.demoAccounts();
    }

    public List<String> getSessionTypes() {
        return java.util.Arrays.stream(SessionType.values()).map(Enum::name).toList();
    }

    public void attempt() {
        at().ifPresent(at -> last = simulator.attemptLogon(account, at, SessionType.valueOf(sessionType), computer));
    }

    public void logoff() {
        at().ifPresent(at -> last = simulator.logoff(account, at, SessionType.valueOf(sessionType), computer));
    }

    public void failNext() {
        simulator.failNextApplies(failures);
    }

    public void toggleBridge() {
        poller.setRunning(!poller.running());
    }

    public void toggleServer() {
        simulator.useBackup(!simulator.usesBackup());
    }

    public List<TemporaryAccount> getTemporaryAccounts() {
        return account == null ? List.of() : simulator.temporaryAccountsOf(account);
    }

    /** This user's actions, newest first. */
    public List<ActionSummary> getActions() {
        if (account == null) {
            return List.of();
        }
        String suffix = "\\" + account.toLowerCase(Locale.ROOT);
        return queue.actions(null, null, 200).stream()
                .filter(a -> a.account().toLowerCase(Locale.ROOT).endsWith(suffix))
                .limit(20)
                .toList();
    }

    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    private java.util.Optional<Instant> at() {
        if (account == null || account.isBlank()) {
            error("Choose a demo user.");
            return java.util.Optional.empty();
        }
        if (when == null || when.isBlank()) {
            return java.util.Optional.of(Instant.now());
        }
        try {
            return java.util.Optional.of(
                    LocalDateTime.parse(when.strip(), FORM).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            error("Write the time as yyyy-MM-dd HH:mm, or leave it empty for now.");
            return java.util.Optional.empty();
        }
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public ZoneId getZoneId() {
        return zone;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getWhen() {
        return when;
    }

    public void setWhen(String when) {
        this.when = when;
    }

    public String getSessionType() {
        return sessionType;
    }

    public void setSessionType(String sessionType) {
        this.sessionType = sessionType;
    }

    public String getComputer() {
        return computer;
    }

    public void setComputer(String computer) {
        this.computer = computer;
    }

    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }

    public Attempt getLast() {
        return last;
    }

    public Simulator getSimulator() {
        return simulator;
    }

    public BridgePoller getPoller() {
        return poller;
    }
}
