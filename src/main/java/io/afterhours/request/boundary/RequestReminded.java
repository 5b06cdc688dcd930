package io.afterhours.request.boundary;

/**
 * The reminder timer of a still-pending request fired: {@code request} says who waits (its approver, or the fallback
 * group). Fired synchronously inside the timer's transaction.
 */
public record RequestReminded(RequestSubmitted request) {}
