package se.breachflow.notification;

/** A rendered message: Swedish subject, plain text and the same text as simple HTML. */
public record MailContent(String subject, String text, String html) {}
