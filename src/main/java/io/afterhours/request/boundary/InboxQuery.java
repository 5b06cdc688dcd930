package io.afterhours.request.boundary;

import io.afterhours.request.entity.RequestOrigin;

/**
 * Which page of the inbox to show: the rows {@code first} to {@code first + size}, sorted, filtered by a piece of the
 * requester's name or account and by where the request came from (either may be null: no filter).
 */
public record InboxQuery(int first, int size, Sort sort, boolean ascending, String text, RequestOrigin origin) {

    static final int MAX_PAGE = 100;

    /** Everything, oldest window first: the menu's count. */
    public static final InboxQuery ALL = new InboxQuery(0, MAX_PAGE, Sort.WINDOW, true, null, null);

    public InboxQuery {
        sort = sort == null ? Sort.WINDOW : sort;
    }

    /** The columns the inbox sorts on, mapped here so no column name from the page reaches the query. */
    public enum Sort {
        WINDOW("r.windowStart"),
        REQUESTER("r.requesterName"),
        RECEIVED("r.createdAt");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }
}
