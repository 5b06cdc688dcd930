package io.afterhours.request.web;

import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.InboxEntry;
import io.afterhours.request.boundary.InboxQuery;
import io.afterhours.request.boundary.InboxQuery.Sort;
import io.afterhours.request.entity.RequestOrigin;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The inbox table's rows, a page at a time from the database; filters come from the fields above the table. */
public class InboxModel extends LazyDataModel<InboxEntry> {

    private static final long serialVersionUID = 1L;

    private final Decisions decisions;
    private String text;
    private RequestOrigin origin;
    private List<InboxEntry> page = List.of();
    private boolean loaded;

    InboxModel(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return decisions.inboxCount(query(0, 1, null));
    }

    @Override
    public List<InboxEntry> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (loaded && faces.isPostback() && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            // While a click is decoded and run, the rows are the ones the approver saw: a request decided meanwhile
            // must not shift the rows so that "approve" lands on the next one. The answer shows the fresh page.
            return page;
        }
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        page = decisions.inbox(query(first, pageSize, sort));
        loaded = true;
        return page;
    }

    @Override
    public String getRowKey(InboxEntry entry) {
        return Long.toString(entry.id());
    }

    /** Only rows of the page just shown: a forged row key selects nothing. */
    @Override
    public InboxEntry getRowData(String rowKey) {
        return page.stream()
                .filter(e -> Long.toString(e.id()).equals(rowKey))
                .findFirst()
                .orElse(null);
    }

    void filter(String text, RequestOrigin origin) {
        this.text = text;
        this.origin = origin;
    }

    private InboxQuery query(int first, int size, SortMeta sort) {
        Sort column = Sort.WINDOW;
        boolean ascending = true;
        if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
            column = switch (sort.getField()) {
                case "requester" -> Sort.REQUESTER;
                case "received" -> Sort.RECEIVED;
                default -> Sort.WINDOW;
            };
            ascending = sort.getOrder() == SortOrder.ASCENDING;
        }
        return new InboxQuery(first, size, column, ascending, text, origin);
    }
}
