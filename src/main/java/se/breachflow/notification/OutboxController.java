package se.breachflow.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.CurrentUser;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;

/** The outbox for administrators (group camunda-admin): what is pending, sent or failed, and why. */
@RestController
@RequestMapping(path = "/api/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
class OutboxController {

  static final int MAX_SIZE = 200;

  private final Outbox outbox;
  private final CurrentUser currentUser;

  OutboxController(Outbox outbox, CurrentUser currentUser) {
    this.outbox = outbox;
    this.currentUser = currentUser;
  }

  /** One page of messages, newest first. */
  record OutboxPage(List<OutboxMessage> items, int page, int size, long total) {}

  @GetMapping
  OutboxPage list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    currentUser.requireAdministrator();
    List<FieldError> errors = new ArrayList<>();
    Optional<OutboxStatus> wanted = Optional.empty();
    if (status != null && !status.isBlank()) {
      try {
        wanted = Optional.of(OutboxStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        errors.add(new FieldError("status", "Status är PENDING, SENT eller FAILED."));
      }
    }
    if (page < 0) {
      errors.add(new FieldError("page", "Sidan räknas från 0."));
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add(new FieldError("size", "Sidstorleken är 1–" + MAX_SIZE + "."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Ogiltig sökning", errors);
    }
    return new OutboxPage(outbox.page(wanted, page, size), page, size, outbox.count(wanted));
  }
}
