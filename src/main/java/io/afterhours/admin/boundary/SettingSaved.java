package io.afterhours.admin.boundary;

import java.util.List;

/**
 * A saved or reset setting as the page shows it afterwards, with what the change did elsewhere ({@code effects}:
 * message keys as {@code key|argument}, for example the queued actions the connector mode handed over).
 */
public record SettingSaved(SettingSummary setting, List<String> effects) {}
