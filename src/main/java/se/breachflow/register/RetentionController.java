package se.breachflow.register;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.CurrentUser;

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
    currentUser.requireAdministrator();
    return retention.run(dryRun, currentUser.id());
  }

  @GetMapping(path = "/api/retention/runs", produces = MediaType.APPLICATION_JSON_VALUE)
  List<RetentionRun> runs() {
    currentUser.requireAdministrator();
    return retention.runs();
  }

}
