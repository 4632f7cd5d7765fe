package se.breachflow.register;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.CurrentUser;
import se.breachflow.access.Groups;

/** Retention for administrators: run it now (or as a dry run) and see the log of runs. */
@RestController
class RetentionController {

  private final RetentionService retention;
  private final CurrentUser currentUser;

  RetentionController(RetentionService retention, CurrentUser currentUser) {
    this.retention = retention;
    this.currentUser = currentUser;
  }

  @PostMapping(path = "/api/retention/runs", produces = MediaType.APPLICATION_JSON_VALUE)
  RetentionRun run(@RequestParam(defaultValue = "true") boolean dryRun) {
    requireAdmin();
    return retention.run(dryRun, currentUser.id());
  }

  @GetMapping(path = "/api/retention/runs", produces = MediaType.APPLICATION_JSON_VALUE)
  List<RetentionRun> runs() {
    requireAdmin();
    return retention.runs();
  }

  private void requireAdmin() {
    if (!currentUser.groups().contains(Groups.ADMIN)) {
      throw new AuthorizationException("Only administrators run retention");
    }
  }
}
