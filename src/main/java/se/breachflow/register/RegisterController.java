package se.breachflow.register;


import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.web.Period;

/** The register's statistics over the API. */
@RestController
class RegisterController {

  private final StatisticsService statistics;
  private final VisibleControllers visible;

  RegisterController(StatisticsService statistics, VisibleControllers visible) {
    this.statistics = statistics;
    this.visible = visible;
  }

  /**
   * Counts by cause, risk level, controller and month, shares notified (and within 72 hours) and median
   * hours from discovery, for the incidents reported in the period that the user may see.
   */
  @GetMapping(path = "/api/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  Statistics statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String controller) {
    return statistics.compute(Period.parse(from, to), visible.ids(controller));
  }
}
