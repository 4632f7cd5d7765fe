package se.breachflow.shared;

/** One bad field of a request or form: its name and, in Swedish, what is wrong. */
public record FieldError(String field, String reason) {}
