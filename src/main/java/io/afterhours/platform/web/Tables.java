package io.afterhours.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * For the search and clear buttons above a paged table: the answer to a new filter starts at its first page. Done on
 * the server in the same request, rather than asking the table's paginator for page 1 once the response is in,
 * which loaded the rows a second time and replaced the table under the reader's (or a test's) eyes.
 */
@Named
@ApplicationScoped
public class Tables {

    /** {@code clientId} is absolute, e.g. {@code :table:history}. */
    public void firstPage(String clientId) {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId);
        if (table instanceof UIData data) {
            data.setFirst(0);
        }
    }
}
