package io.afterhours.intake.web;

import io.afterhours.intake.boundary.NotificationFilter;
import io.afterhours.intake.boundary.NotificationSummary;
import io.afterhours.intake.boundary.Notifications;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Pages the Notifications table through the boundary: the database sorts, filters and counts. */
public class NotificationLazyModel extends LazyDataModel<NotificationSummary> {

    private static final long serialVersionUID = 1L;

    private final Notifications notifications;
    private final Supplier<NotificationFilter> filter;

    NotificationLazyModel(Notifications notifications, Supplier<NotificationFilter> filter) {
        this.notifications = notifications;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, notifications.count(filter.get()));
    }

    @Override
    public java.util.List<NotificationSummary> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? "receivedAt" : sort.getField();
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return notifications.page(filter.get(), first, pageSize, field, ascending);
    }

    @Override
    public String getRowKey(NotificationSummary row) {
        return Long.toString(row.id());
    }

    @Override
    public NotificationSummary getRowData(String rowKey) {
        return getWrappedData() == null
                ? null
                : getWrappedData().stream()
                        .filter(row -> Long.toString(row.id()).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }
}
