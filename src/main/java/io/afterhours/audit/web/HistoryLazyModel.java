package io.afterhours.audit.web;

import io.afterhours.audit.boundary.AuditHistory;
import io.afterhours.audit.boundary.HistoryEntry;
import io.afterhours.audit.boundary.HistoryFilter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the history through the boundary: the database filters, counts (capped) and pages, newest entry first. */
public class HistoryLazyModel extends LazyDataModel<HistoryEntry> {

    private static final long serialVersionUID = 1L;

    private final AuditHistory history;
    private final Supplier<HistoryFilter> filter;

    HistoryLazyModel(AuditHistory history, Supplier<HistoryFilter> filter) {
        this.history = history;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        HistoryFilter chosen = filter.get();
        return chosen == null ? 0 : (int) history.count(chosen);
    }

    @Override
    public List<HistoryEntry> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        HistoryFilter chosen = filter.get();
        return chosen == null ? List.of() : history.page(chosen, first, pageSize);
    }

    @Override
    public String getRowKey(HistoryEntry row) {
        return Long.toString(row.seq());
    }

    @Override
    public HistoryEntry getRowData(String rowKey) {
        return getWrappedData() == null
                ? null
                : getWrappedData().stream()
                        .filter(row -> Long.toString(row.seq()).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }
}
