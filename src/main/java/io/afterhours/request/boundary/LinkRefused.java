package io.afterhours.request.boundary;

/** A decision link that may not decide, and why. Nothing was changed (its refusal may have been audited). */
public class LinkRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final LinkProblem problem;

    public LinkRefused(LinkProblem problem) {
        super("decision link: " + problem);
        this.problem = problem;
    }

    public LinkProblem problem() {
        return problem;
    }
}
