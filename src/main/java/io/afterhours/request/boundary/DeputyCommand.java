package io.afterhours.request.boundary;

import java.time.LocalDate;

/** "Let this person decide for me from this day to that day (both included)", as a manager fills it in. */
public record DeputyCommand(String deputyAccount, LocalDate from, LocalDate until) {}
