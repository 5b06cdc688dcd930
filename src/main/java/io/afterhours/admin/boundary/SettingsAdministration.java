package io.afterhours.admin.boundary;

import io.afterhours.admin.boundary.SettingSummary.Source;
import io.afterhours.admin.boundary.Settings.SavedValue;
import io.afterhours.admin.control.SettingCatalog;
import io.afterhours.admin.control.SettingCatalog.Definition;
import io.afterhours.admin.entity.StoredSetting;
import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Settings pages' boundary: every portal setting of a group with its effective value and source, saving a value
 * and going back to the default. Administrators only (checked on every call, behind the URL rule). A key pinned by the
 * operator is refused, as is a value that breaks its rule or a rule between keys; nothing is saved then. Every change
 * is audited in the same transaction as {@code key: before -> after} and fires {@link SettingsChanged}.
 */
@ApplicationScoped
@Transactional
public class SettingsAdministration {

    static final String STALE = "settings.problem.stale";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    AuditLog auditLog;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Event<SettingsChanged> changed;

    /** The settings of one group, in the catalog's order; an unknown group is refused. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SettingSummary> list(String group) {
        requireAdministrator("settings");
        if (!SettingCatalog.GROUPS.contains(group)) {
            throw new SettingRefused(List.of("settings.problem.group"));
        }
        Map<String, StoredSetting> rows = rows();
        return SettingCatalog.group(group).stream()
                .map(d -> summary(d, rows.get(d.key())))
                .toList();
    }

    /**
     * Saves {@code value} for {@code key}, changed from the {@code version} the page showed (0: no saved value then).
     * A value equal to the effective one is refused as no change; to follow the shipped default again, use
     * {@link #reset}.
     */
    public SettingSaved save(String key, String value, long version) {
        String actor = requireAdministrator("setting " + key);
        Definition definition =
                SettingCatalog.find(key).orElseThrow(() -> new SettingRefused(List.of("settings.problem.unknown")));
        if (settings.pinnedBy(key).isPresent()) {
            throw new SettingRefused(List.of("settings.problem.pinned"));
        }
        String normalised = SettingCatalog.normalise(definition, value)
                .orElseThrow(() -> new SettingRefused(List.of(SettingCatalog.problem(definition))));
        Map<String, StoredSetting> rows = rows();
        StoredSetting row = rows.get(key);
        if ((row == null ? 0 : row.version()) != version) {
            throw new SettingRefused(List.of(STALE));
        }
        List<String> problems = SettingCatalog.crossCheck(k -> k.equals(key) ? normalised : effective(k, rows.get(k)));
        if (!problems.isEmpty()) {
            throw new SettingRefused(problems);
        }
        String before = effective(key, row);
        if (before.equals(normalised)) {
            throw new SettingRefused(List.of("settings.problem.unchanged"));
        }
        if (row == null) {
            row = new StoredSetting(key, normalised, actor, clock.instant());
            em.persist(row);
        } else {
            row.change(normalised, actor, clock.instant());
        }
        flush();
        List<String> effects = audit(actor, "setting.changed", key, before, normalised);
        return new SettingSaved(summary(definition, row), effects);
    }

    /** Drops the saved value of {@code key}: the default (or the operator's pin) applies again. */
    public SettingSaved reset(String key, long version) {
        String actor = requireAdministrator("setting " + key);
        Definition definition =
                SettingCatalog.find(key).orElseThrow(() -> new SettingRefused(List.of("settings.problem.unknown")));
        StoredSetting row = em.find(StoredSetting.class, definition.key());
        if (row == null || row.version() != version) {
            throw new SettingRefused(List.of(STALE));
        }
        String before = row.value();
        em.remove(row);
        flush();
        List<String> effects = audit(actor, "setting.reset", key, before, effective(key, null));
        return new SettingSaved(summary(definition, null), effects);
    }

    /** Whether the SMTP password is set (environment only): the page says so, and never shows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mailPasswordSet() {
        requireAdministrator("settings");
        return settings.configured("afterhours.mail.password")
                .filter(p -> !p.isBlank())
                .isPresent();
    }

    /** Every saved value, for the cache. No access check: nothing leaves the feature but through {@link Settings}. */
    public Map<String, SavedValue> stored() {
        Map<String, SavedValue> out = new HashMap<>();
        rows().values()
                .forEach(r -> out.put(r.key(), new SavedValue(r.value(), r.changedBy(), r.changedAt(), r.version())));
        return Map.copyOf(out);
    }

    private SettingSummary summary(Definition d, StoredSetting row) {
        String pinnedBy = settings.pinnedBy(d.key()).orElse(null);
        String configured = settings.configured(d.key()).orElse("");
        Source source = pinnedBy != null ? Source.PINNED : row != null ? Source.SAVED : Source.DEFAULT;
        return new SettingSummary(
                d.key(),
                d.group(),
                d.kind().name(),
                d.choices(),
                effective(d.key(), row),
                pinnedBy != null ? null : configured,
                source,
                pinnedBy,
                source == Source.SAVED ? row.changedBy() : null,
                source == Source.SAVED ? row.changedAt() : null,
                row == null ? 0 : row.version());
    }

    /** What applies for {@code key} given its saved row (or none), by the precedence {@link Settings} applies. */
    private String effective(String key, StoredSetting row) {
        if (settings.pinnedBy(key).isPresent() || row == null) {
            return settings.configured(key).orElse("");
        }
        return row.value();
    }

    /**
     * Fires {@link SettingsChanged} (its synchronous observers act in this transaction) and audits the change with
     * what they did; returns their messages for the page.
     */
    private List<String> audit(String actor, String action, String key, String before, String after) {
        SettingsChanged event = new SettingsChanged(key, before, after);
        changed.fire(event);
        StringBuilder details = new StringBuilder(key + ": " + before + " -> " + after);
        event.effects().forEach(e -> details.append("; ").append(e.note()));
        auditLog.append(new AuditRecord(ActorType.PERSON, actor, action, "setting " + key, details.toString()));
        return event.effects().stream().map(SettingsChanged.Effect::message).toList();
    }

    private Map<String, StoredSetting> rows() {
        Map<String, StoredSetting> out = new HashMap<>();
        em.createQuery("SELECT s FROM StoredSetting s", StoredSetting.class)
                .getResultList()
                .forEach(s -> out.put(s.key(), s));
        return out;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new SettingRefused(List.of(STALE));
        } catch (PersistenceException e) {
            // Two administrators saving the first value of one key at once: the primary key keeps one.
            throw new SettingRefused(List.of(STALE));
        }
    }

    private String requireAdministrator(String what) {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) || security.getCallerPrincipal() == null) {
            throw new AccessRefused(what);
        }
        return security.getCallerPrincipal().getName();
    }
}
