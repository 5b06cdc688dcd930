package io.afterhours.audit.web;

import io.afterhours.audit.boundary.Report;
import io.afterhours.audit.boundary.ReportQuery;
import io.afterhours.audit.boundary.Reports;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.BundleText;
import io.afterhours.platform.web.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The reports page ({@code audit/reports.xhtml}): a GET form (period, and a manager's team for auditors and
 * administrators), so every report has an address; the charts and their tables come from one {@link Report}.
 */
@Named
@RequestScoped
public class ReportsView {

    @Inject
    Reports reports;

    @Inject
    Preferences preferences;

    @Inject
    FacesContext faces;

    private String from;
    private String to;
    private String manager;
    private Report report;

    public void load() {
        try {
            ReportQuery query = ReportQuery.parse(from, to, manager, LocalDate.now(preferences.myZone()));
            from = query.from().toString();
            to = query.to().toString();
            report = reports.report(query);
        } catch (AccessRefused e) {
            Refusal.refuse(faces, e.getMessage());
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    private void error(String key) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, BundleText.of(key), null));
    }

    public String getDenialsChart() {
        return ReportCharts.denials(report, BundleText.of("reports.denials"));
    }

    public String getOutcomesChart() {
        return ReportCharts.outcomes(report, state -> BundleText.of("reports.state." + state));
    }

    public String getDecisionChart() {
        return ReportCharts.decisionTimes(
                report,
                BundleText.of("reports.median"),
                BundleText.of("reports.p90"),
                BundleText.of("reports.minutes"));
    }

    public String getUsageChart() {
        return ReportCharts.usage(report, BundleText.of("reports.used"), BundleText.of("reports.unused"));
    }

    public String getTopChart() {
        return ReportCharts.topRequesters(report, BundleText.of("reports.requests"));
    }

    /** A duration as people read it: "2 h 05 min", "12 min", "40 s"; a dash when there is none. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format("%d h %02d min", minutes / 60, minutes % 60);
    }

    public Report getReport() {
        return report;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }
}
