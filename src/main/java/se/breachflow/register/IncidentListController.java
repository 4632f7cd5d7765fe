package se.breachflow.register;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.access.CurrentUser;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.RiskLevel;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.Echo;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.web.Period;

/** {@code GET /api/incidents}: the register, filtered and paged, as far as the user may see it. */
@RestController
class IncidentListController {

  static final int MAX_SIZE = 200;
  /** Longer than any incident number or phrase one searches a description for. */
  static final int MAX_QUERY = 200;

  private final IncidentSearch search;
  private final VisibleControllers visible;
  private final CurrentUser currentUser;

  IncidentListController(IncidentSearch search, VisibleControllers visible, CurrentUser currentUser) {
    this.search = search;
    this.visible = visible;
    this.currentUser = currentUser;
  }

  /**
   * Incidents of the controllers the user is coordinator, DPO or management of (all for administrators),
   * and those the user reported, newest first.
   *
   * @param q free text, found in the number and the description
   * @param mine {@code true}: only the incidents the user reported
   */
  @GetMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
  IncidentPage list(
      @RequestParam(required = false) String controller,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String cause,
      @RequestParam(required = false) String riskLevel,
      @RequestParam(required = false) String notified,
      @RequestParam(required = false) String late,
      @RequestParam(required = false) String cyber,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String mine,
      @RequestParam(required = false, defaultValue = "0") String page,
      @RequestParam(required = false, defaultValue = "20") String size) {
    List<FieldError> errors = new ArrayList<>();
    String statusValue = enumName("status", status, IncidentStatus.class, errors);
    String causeValue = enumName("cause", cause, Cause.class, errors);
    String riskValue = enumName("riskLevel", riskLevel, RiskLevel.class, errors);
    Boolean notifiedValue = bool("notified", notified, errors);
    Boolean lateValue = bool("late", late, errors);
    Boolean cyberValue = bool("cyber", cyber, errors);
    Boolean mineValue = bool("mine", mine, errors);
    int pageValue = number("page", page, 0, Integer.MAX_VALUE, errors);
    int sizeValue = number("size", size, 1, MAX_SIZE, errors);
    Period period;
    try {
      period = Period.parse(from, to);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
      period = null;
    }
    visible.check(controller, errors);
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > MAX_QUERY) {
      errors.add(new FieldError("q", "Söktexten får vara högst " + MAX_QUERY + " tecken."));
    } else if (text != null && text.indexOf('\0') >= 0) {
      // PostgreSQL cannot compare text with NUL in it: refused here, not failed in the database.
      errors.add(new FieldError("q", "Söktexten innehåller ett otillåtet tecken (NUL)."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Ogiltig sökning", errors);
    }
    IncidentSearch.Filter filter = new IncidentSearch.Filter(statusValue, causeValue, riskValue, notifiedValue,
        lateValue, period, text, cyberValue);
    // Each row as the user's detail view of it: whole for the controllers the user oversees, else the reporter's.
    List<String> overseen = visible.ids(null);
    if (Boolean.TRUE.equals(mineValue)) {
      // Only the user's own reports ("Mina rapporter" on the start page), whatever else the user oversees.
      return search.search(List.of(), currentUser.id(), overseen, filter, pageValue, sizeValue);
    }
    List<String> controllers = visible.ids(controller);
    // Narrowed to one controller, the user's own reports of other controllers do not belong in the answer.
    String reporter = controller == null || controller.isBlank() ? currentUser.id() : null;
    return search.search(controllers, reporter, overseen, filter, pageValue, sizeValue);
  }

  private static <E extends Enum<E>> String enumName(String field, String value, Class<E> type,
      List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip()).name();
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "Okänt värde: " + Echo.of(value) + "."));
      return null;
    }
  }

  private static Boolean bool(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.add(new FieldError(field, "Ange true eller false."));
        yield null;
      }
    };
  }

  private static int number(String field, String value, int min, int max, List<FieldError> errors) {
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        errors.add(new FieldError(field, "Ange ett tal från " + min + (max == Integer.MAX_VALUE ? "" : " till " + max)
            + "."));
      }
      return number;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "Ange ett heltal."));
      return 0;
    }
  }
}
