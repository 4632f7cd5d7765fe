package se.breachflow.register;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.breachflow.document.IncidentDocuments;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.ForbiddenException;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.web.Period;

/** The register over the API: its statistics, and the register itself as PDF or CSV (Art. 33(5)). */
@RestController
class RegisterController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final StatisticsService statistics;
  private final IncidentRegister register;
  private final VisibleControllers visible;
  private final OverviewService overview;

  RegisterController(StatisticsService statistics, IncidentRegister register, VisibleControllers visible,
      OverviewService overview) {
    this.statistics = statistics;
    this.register = register;
    this.visible = visible;
    this.overview = overview;
  }

  /**
   * Management's overview in Cockpit: the open incidents against the IMY deadline, per controller and cause, and
   * the share notified in time by month — of the controllers the user oversees (or the one asked for). Someone
   * who oversees none (staff) is refused: there is no overview of nothing, and an empty one would look like good
   * news.
   */
  @GetMapping(path = "/api/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  Overview overview(@RequestParam(required = false) String controller,
      @RequestParam(required = false) String cases) {
    List<DataController> of = visible.of(controller);
    if (of.isEmpty()) {
      throw new ForbiddenException("Översikten visas för ledning, dataskyddssamordnare och dataskyddsombud.");
    }
    return overview.compute(of, caseLimit(cases));
  }

  /** How many cases the overview lists: {@link OverviewService#CASES} unless asked for 0 to {@link OverviewService#MAX_CASES}. */
  private static int caseLimit(String cases) {
    if (cases == null) {
      return OverviewService.CASES;
    }
    try {
      int limit = Integer.parseInt(cases.strip());
      if (limit >= 0 && limit <= OverviewService.MAX_CASES) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    throw new InvalidInputException("Översikten kunde inte tas fram", List.of(new FieldError("cases",
        "Ange hur många ärenden som ska visas, ett heltal från 0 till " + OverviewService.MAX_CASES + ".")));
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

  /** Every incident discovered in the period, of the controllers the user oversees (or the one asked for). */
  @GetMapping("/api/register")
  ResponseEntity<byte[]> register(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String controller,
      @RequestParam(required = false, defaultValue = "pdf") String format) {
    List<FieldError> errors = new ArrayList<>();
    Period period = null;
    try {
      period = Period.parse(from, to);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    if (!format.equals("pdf") && !format.equals("csv")) {
      errors.add(new FieldError("format", "Välj format pdf eller csv."));
    }
    visible.check(controller, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Registret kunde inte tas fram", errors);
    }
    List<DataController> of = visible.of(controller);
    LocalDate fromDate = period.first();
    LocalDate toDate = period.last();
    List<Register.Entry> entries = register.entries(of, fromDate, toDate);
    String name = "register-personuppgiftsincidenter" + (controller == null || controller.isBlank() ? ""
        : "-" + controller) + (fromDate == null ? "" : "-" + fromDate) + (toDate == null ? "" : "-" + toDate);
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl("no-store");
    byte[] body;
    if (format.equals("csv")) {
      body = Register.csv(entries);
      headers.setContentType(CSV);
      headers.setContentDisposition(ContentDisposition.attachment().filename(name + ".csv").build());
    } else {
      body = register.pdf(of, fromDate, toDate, entries);
      headers.setContentType(MediaType.APPLICATION_PDF);
      headers.setContentDisposition(ContentDisposition.inline().filename(name + ".pdf").build());
    }
    headers.set(IncidentDocuments.SHA256_HEADER, IncidentDocuments.sha256(body));
    return ResponseEntity.ok().headers(headers).body(body);
  }
}
