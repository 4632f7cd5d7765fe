package se.breachflow.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import se.breachflow.access.SystemCalls;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;

/**
 * Delivers the outbox: claims each due message, resolves its recipients, renders it and sends it by SMTP;
 * a failure is recorded with the next attempt after an exponential backoff, and after the configured number
 * of attempts the message is FAILED. Runs on a schedule ({@link OutboxSchedule}); tests call
 * {@link #deliverDue()} themselves.
 *
 * <p>A message is marked SENT right after the SMTP server has accepted it. If the node dies between the
 * two, the claim expires and the message is sent again: delivery is exactly once except for that window,
 * where it is at least once (a transaction cannot span the SMTP server).
 *
 * <p>Without an SMTP server ({@code spring.mail.host} empty, the demo) nothing is sent: each pending
 * message is logged once (kind, number, audience; no personal data) and stays PENDING, visible over the API.
 */
@Component
public class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
  private static final int MAX_ERROR = 2000;

  private final Outbox outbox;
  private final OutboxProperties properties;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final IncidentRepository incidents;
  private final ControllerRegistry controllers;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final Environment environment;
  private final SystemCalls system;
  /** The highest id logged while there is no SMTP server (per node: a restart logs the pending ones again). */
  private final AtomicLong announcedUpTo = new AtomicLong();

  public OutboxWorker(Outbox outbox, OutboxProperties properties, Recipients recipients, MailTemplates templates,
      IncidentRepository incidents, ControllerRegistry controllers, ObjectProvider<JavaMailSender> mailSender,
      Environment environment, SystemCalls system) {
    this.outbox = outbox;
    this.properties = properties;
    this.recipients = recipients;
    this.templates = templates;
    this.incidents = incidents;
    this.controllers = controllers;
    this.mailSender = mailSender;
    this.environment = environment;
    this.system = system;
  }

  /** True when an SMTP server is configured. */
  public boolean smtpConfigured() {
    return StringUtils.hasText(environment.getProperty("spring.mail.host")) && mailSender.getIfAvailable() != null;
  }

  /**
   * One run: delivers up to a batch of due messages (or, without SMTP, logs the new pending ones).
   *
   * @return the number of messages sent in this run
   */
  public int deliverDue() {
    if (!smtpConfigured()) {
      announcePending();
      return 0;
    }
    return system.run(() -> {
      int sent = 0;
      for (OutboxMessage message : outbox.due(Times.now(), properties.batchSize())) {
        Instant now = Times.now();
        if (outbox.claim(message, now, now.plus(properties.claimTimeout())) && attempt(message, message.attempts() + 1)) {
          sent++;
        }
      }
      return sent;
    });
  }

  private boolean attempt(OutboxMessage message, int attempt) {
    try {
      send(message);
    } catch (Exception e) {
      String error = describe(e);
      boolean last = attempt >= properties.maxAttempts();
      Instant next = last ? Times.now() : Times.now().plus(properties.backoffAfter(attempt));
      outbox.markFailed(message.id(), attempt, error, last ? OutboxStatus.FAILED : OutboxStatus.PENDING, next);
      if (last) {
        LOG.error("Outbox message {} ({} about {}) FAILED after {} attempts: {}", message.id(), message.kind(),
            message.incidentNumber(), attempt, error);
      } else {
        LOG.warn("Outbox message {} ({} about {}) attempt {} failed, next at {}: {}", message.id(),
            message.kind(), message.incidentNumber(), attempt, next, error);
      }
      return false;
    }
    if (!outbox.markSent(message.id(), attempt, Times.now())) {
      LOG.warn("Outbox message {} was sent, but its claim had expired: another node may send it again",
          message.id());
    }
    LOG.info("Outbox message {} ({} about {}) sent", message.id(), message.kind(), message.incidentNumber());
    return true;
  }

  private void send(OutboxMessage message) throws MessagingException {
    Incident incident = incidents.find(message.incidentNumber())
        .orElseThrow(() -> new IllegalStateException("No incident " + message.incidentNumber()));
    Set<String> to = recipients.resolve(message, incident.reporterId());
    if (to.isEmpty()) {
      throw new IllegalStateException("Ingen mottagare med e-postadress för " + message.audience());
    }
    String controllerName = controllers.find(message.controllerId()).map(DataController::name)
        .orElse(message.controllerId());
    MailContent content = templates.render(message.kind(), new MailTemplates.Facts(message.incidentNumber(),
        controllerName, incident.authorityDeadline(), message.taskId(), message.taskName()), Times.now());

    JavaMailSender sender = mailSender.getObject();
    MimeMessage mime = sender.createMimeMessage();
    mime.setFrom(new InternetAddress(properties.from()));
    mime.setRecipients(Message.RecipientType.TO, to.stream().map(OutboxWorker::address)
        .toArray(InternetAddress[]::new));
    mime.setSubject(content.subject(), StandardCharsets.UTF_8.name());
    mime.setSentDate(Date.from(Times.now()));
    mime.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    mime.setContent(alternative);
    sender.send(mime);
  }

  private static InternetAddress address(String email) {
    try {
      return new InternetAddress(email, true);
    } catch (MessagingException e) {
      throw new IllegalStateException("Ogiltig e-postadress i katalogen", e);
    }
  }

  /** Synchronized: the schedule and a caller (a test, an operator's run) must not announce the same message twice. */
  private synchronized void announcePending() {
    for (OutboxMessage message : outbox.pendingAfter(announcedUpTo.get(), properties.batchSize())) {
      LOG.info("Outbox message {} stays PENDING, no SMTP server configured (spring.mail.host): {} about {} "
          + "to {}{}", message.id(), message.kind(), message.incidentNumber(), message.audience(),
          message.taskName() == null ? "" : ", task \"" + message.taskName() + "\"");
      announcedUpTo.accumulateAndGet(message.id(), Math::max);
    }
  }

  /** The error as administrators see it: type and message, e-mail addresses masked, bounded length. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < MAX_ERROR; t = t.getCause() == t ? null : t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage().strip());
      }
    }
    String masked = EMAIL.matcher(text).replaceAll("<adress>");
    return masked.length() > MAX_ERROR ? masked.substring(0, MAX_ERROR) : masked;
  }
}
