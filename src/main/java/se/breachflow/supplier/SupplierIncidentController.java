package se.breachflow.supplier;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplier incident API: register one (a case per affected controller), read one or the newest, correct the
 * shared facts, add a controller the supplier told later. Who may do what: {@link SupplierIncidents}.
 */
@RestController
@RequestMapping(path = "/api/supplier-incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class SupplierIncidentController {

  static final int LIST_SIZE = 100;

  private final SupplierIncidents suppliers;

  SupplierIncidentController(SupplierIncidents suppliers) {
    this.suppliers = suppliers;
  }

  /** 201 with the supplier incident's number and each controller's case with its deadline. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SupplierIncidents.Registered> register(@RequestBody Map<String, Object> body) {
    SupplierIncidents.Registered registered = suppliers.register(body::get, body.keySet());
    return ResponseEntity.created(URI.create("/api/supplier-incidents/" + registered.number())).body(registered);
  }

  @GetMapping
  List<SupplierIncident> list() {
    return suppliers.list(LIST_SIZE);
  }

  @GetMapping("/{number}")
  SupplierIncident get(@PathVariable String number) {
    return suppliers.find(number);
  }

  /** Corrects the shared facts: the fields sent replace the current ones. */
  @PatchMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
  SupplierIncidents.Corrected correct(@PathVariable String number, @RequestBody Map<String, Object> body) {
    return suppliers.correct(number, body);
  }

  /** 201 with the new case of a controller the supplier told later. */
  @PostMapping(path = "/{number}/controllers", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SupplierIncidents.RegisteredCase> addController(@PathVariable String number,
      @RequestBody Map<String, Object> body) {
    SupplierIncidents.RegisteredCase added = suppliers.addController(number, body);
    return ResponseEntity.created(URI.create("/api/incidents/" + added.number())).body(added);
  }
}
