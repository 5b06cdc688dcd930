package io.afterhours.notification.web;

import io.afterhours.notification.boundary.OutboxFilter;
import io.afterhours.notification.boundary.OutboxMessages;
import io.afterhours.notification.boundary.OutboxSummary;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the outbox table through the boundary: the database filters, counts and pages, newest row first. */
public class OutboxLazyModel extends LazyDataModel<OutboxSummary> {

    private static final long serialVersionUID = 1L;

    private final OutboxMessages outbox;
    private final Supplier<OutboxFilter> filter;

    OutboxLazyModel(OutboxMessages outbox, Supplier<OutboxFilter> filter) {
        this.outbox = outbox;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, outbox.count(filter.get()));
    }

    @Override
    public List<OutboxSummary> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return outbox.page(filter.get(), first, pageSize);
    }

    @Override
    public String getRowKey(OutboxSummary row) {
        return Long.toString(row.id());
    }

    @Override
    public OutboxSummary getRowData(String rowKey) {
        return getWrappedData() == null
                ? null
                : getWrappedData().stream()
                        .filter(row -> Long.toString(row.id()).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }
}
