package io.afterhours.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextFactory;
import jakarta.faces.context.ExternalContextWrapper;

/**
 * Keeps one content security policy per response. PrimeFaces adds its nonce policy with {@code addResponseHeader};
 * when a Faces error page (404, 403) renders for a request that already carries the locked-down policy (a URL that is
 * not a page), adding would send two policies, and a browser enforces both: the page's scripts would be blocked. So
 * a policy set through Faces replaces any earlier one.
 */
public class SinglePolicyExternalContextFactory extends ExternalContextFactory {

    public SinglePolicyExternalContextFactory(ExternalContextFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExternalContext getExternalContext(Object context, Object request, Object response) throws FacesException {
        ExternalContext external = getWrapped().getExternalContext(context, request, response);
        return new ExternalContextWrapper(external) {
            @Override
            public void addResponseHeader(String name, String value) {
                if (SecurityHeadersFilter.CSP.equalsIgnoreCase(name)) {
                    getWrapped().setResponseHeader(name, value);
                } else {
                    getWrapped().addResponseHeader(name, value);
                }
            }
        };
    }
}
