package se.breachflow.access.login;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.CurrentUser;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.NotFoundException;
import se.breachflow.shared.Times;

/** For administrators (camunda-admin): which (user, client) pairs wait after wrong passwords, and lifting one. */
@RestController
@RequestMapping(path = "/api/login-throttle", produces = MediaType.APPLICATION_JSON_VALUE)
class LoginThrottleController {

  private final LoginThrottle throttle;
  private final CurrentUser currentUser;

  LoginThrottleController(LoginThrottle throttle, CurrentUser currentUser) {
    this.throttle = throttle;
    this.currentUser = currentUser;
  }

  /** The policy in force and the pairs that wait now (on this node). */
  record Overview(Instant now, Policy policy, List<LoginThrottle.Delayed> delayed) {}

  record Policy(int freeFailures, String initialDelay, double multiplier, String maxDelay, String forgetAfter) {}

  @GetMapping
  Overview delayed() {
    currentUser.requireAdministrator();
    LoginThrottleSettings settings = throttle.settings();
    return new Overview(Times.now(), new Policy(settings.freeFailures(), settings.initialDelay().toString(),
        settings.multiplier(), settings.maxDelay().toString(), settings.forgetAfter().toString()),
        throttle.delayed());
  }

  /** Lets the client try again at once: {@code 204}, or {@code 404} if the pair does not wait. */
  @DeleteMapping
  ResponseEntity<Void> lift(@RequestParam(required = false) String user,
      @RequestParam(required = false) String client) {
    currentUser.requireAdministrator();
    List<FieldError> errors = new ArrayList<>();
    if (user == null || user.isBlank()) {
      errors.add(new FieldError("user", "Ange användaren."));
    }
    if (client == null || client.isBlank()) {
      errors.add(new FieldError("client", "Ange klientens adress, som i listan."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Ogiltig begäran", errors);
    }
    if (!throttle.lift(user, client)) {
      throw new NotFoundException("Användaren '" + user + "' väntar inte från " + client + ".");
    }
    return ResponseEntity.noContent().build();
  }

}
