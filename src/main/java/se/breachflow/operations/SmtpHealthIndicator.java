package se.breachflow.operations;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP in {@code /actuator/health} as component {@code smtp}. An unreachable mail server is reported as
 * UNKNOWN, not DOWN: mail waits in the outbox, so the application keeps serving and a load balancer keeps
 * it in rotation.
 */
@Component("smtp")
public class SmtpHealthIndicator extends AbstractHealthIndicator {

  private final ObjectProvider<JavaMailSender> mailSender;

  public SmtpHealthIndicator(ObjectProvider<JavaMailSender> mailSender) {
    super("SMTP health check failed");
    this.mailSender = mailSender;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (!(sender instanceof JavaMailSenderImpl smtp) || smtp.getHost() == null || smtp.getHost().isBlank()) {
      builder.unknown().withDetail("configured", false);
      return;
    }
    builder.withDetail("host", smtp.getHost()).withDetail("port", smtp.getPort());
    try {
      smtp.testConnection();
      builder.up();
    } catch (MessagingException e) {
      builder.unknown().withDetail("reachable", false).withDetail("error", e.getMessage());
    }
  }
}
