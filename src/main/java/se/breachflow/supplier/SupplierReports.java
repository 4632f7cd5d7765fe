package se.breachflow.supplier;

import static se.breachflow.supplier.SupplierFields.CONTROLLERS;
import static se.breachflow.supplier.SupplierFields.CONTROLLER_ID;
import static se.breachflow.supplier.SupplierFields.DATA_SUBJECT_COUNT;
import static se.breachflow.supplier.SupplierFields.NOTIFIED_AT;
import static se.breachflow.supplier.SupplierFields.entryField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import se.breachflow.incident.Fields;
import se.breachflow.incident.ReportValidator;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.shared.Echo;
import se.breachflow.shared.Times;
import se.breachflow.shared.Field;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.Records;
import se.breachflow.supplier.SupplierIncident.AffectedController;
import se.breachflow.supplier.SupplierIncident.SupplierFacts;

/**
 * Reads what a person sends about a supplier incident — {@code POST /api/supplier-incidents}, its start form,
 * a correction, a controller added later — and checks it. Each affected controller's case is checked by the
 * rules of an ordinary report ({@link ReportValidator}): a case that could not be reported on its own is not
 * created from a supplier's message either. Every bad field is named as the caller sent it
 * ({@code controllers[1].notifiedAt}), in Swedish.
 */
@Component
class SupplierReports {

  static final String REFUSED = "Leverantörsincidenten kunde inte registreras";
  static final int MAX_CONTROLLERS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReportValidator reports;
  private final ControllerRegistry registry;

  SupplierReports(ReportValidator reports, ControllerRegistry registry) {
    this.reports = reports;
    this.registry = registry;
  }

  /** A checked registration: the shared facts, the controllers, and each controller's report. */
  record Registration(SupplierFacts facts, List<AffectedController> controllers,
      List<ReportValidator.ValidReport> cases) {}

  /**
   * @param names the names the caller sent: one that is no field of a supplier incident is refused, never
   *     dropped in silence
   */
  Registration registration(Function<String, Object> values, Set<String> names, Instant now) {
    FormReader in = new FormReader(values);
    List<FieldError> errors = new ArrayList<>(unknown(names));
    SupplierFacts facts = facts(in, Map.of());
    List<AffectedController> controllers = controllers(values.apply(CONTROLLERS), true, errors);
    if (controllers != null && controllers.isEmpty()) {
      errors.add(new FieldError(CONTROLLERS, "Ange minst en nämnd eller ett bolag som leverantören har underrättat."));
    }
    errors.addAll(0, in.collected());
    List<ReportValidator.ValidReport> cases = new ArrayList<>();
    if (facts != null && controllers != null) {
      for (int i = 0; i < controllers.size(); i++) {
        if (controllers.get(i) == null) {
          continue; // its own fields are wrong, and named
        }
        try {
          cases.add(caseReport(facts, controllers.get(i), i, now));
        } catch (InvalidInputException invalid) {
          invalid.errors().stream()
              .filter(error -> errors.stream().noneMatch(known -> known.field().equals(error.field())))
              .forEach(errors::add);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(REFUSED, errors);
    }
    return new Registration(facts, controllers, cases);
  }

  /** One controller added later, checked against the shared facts. */
  ReportValidator.ValidReport addedController(SupplierFacts facts, Function<String, Object> values,
      List<AffectedController> existing, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    AffectedController added = controller(values, -1, errors);
    if (added != null && existing.stream().anyMatch(c -> c.controllerId().equals(added.controllerId()))) {
      errors.add(new FieldError(CONTROLLER_ID.name(), "Nämnden eller bolaget har redan ett ärende i leverantörsincidenten."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Nämnden eller bolaget kunde inte läggas till", errors);
    }
    return caseReport(facts, added, -1, now);
  }

  /**
   * A correction of the shared facts: the fields it has replace the current ones (an empty one clears an
   * optional fact, such as the end of the breach). {@code controllers} may give a controller's new number of
   * data subjects ({@code controllerId}, {@code dataSubjectCount}); when the supplier told it cannot change: it
   * fixes that controller's deadline.
   */
  record Correction(SupplierFacts facts, Map<String, Integer> dataSubjectCounts) {}

  Correction correction(SupplierFacts current, Map<String, Object> body, Set<String> linkedControllers) {
    FormReader in = new FormReader(body::get, body::containsKey);
    Map<String, Object> currentValues = Records.values(current);
    SupplierFacts facts = facts(in, currentValues);
    List<FieldError> errors = new ArrayList<>(in.collected());
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (body.containsKey(CONTROLLERS)) {
      List<Map<String, Object>> entries = entries(body.get(CONTROLLERS), errors);
      for (int index = 0; entries != null && index < entries.size(); index++) {
        int i = index;
        Map<String, Object> entry = entries.get(i);
        FormReader e = new FormReader(entry::get, entry::containsKey);
        String id = e.read(CONTROLLER_ID);
        Integer count = e.read(DATA_SUBJECT_COUNT);
        e.collected().forEach(error -> errors.add(renamed(error, i)));
        if (entry.containsKey(NOTIFIED_AT.name())) {
          errors.add(new FieldError(entryField(i, NOTIFIED_AT), "När leverantören underrättade nämnden eller bolaget "
              + "kan inte ändras: fristen för anmälan räknas från den tidpunkten."));
        }
        if (id != null && !linkedControllers.contains(id)) {
          errors.add(new FieldError(entryField(i, CONTROLLER_ID), "Nämnden eller bolaget har inget ärende i "
              + "leverantörsincidenten."));
        } else if (id != null && count != null) {
          counts.put(id, count);
        } else if (id == null && !e.hasError(CONTROLLER_ID)) {
          errors.add(new FieldError(entryField(i, CONTROLLER_ID), "Ange vilken nämnd eller vilket bolag antalet gäller."));
        }
      }
    }
    errors.addAll(unknown(body.keySet()));
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Rättelsen kunde inte registreras", errors);
    }
    return new Correction(facts, counts);
  }

  /**
   * The report of one controller's case: the supplier's facts, that controller's time and number of data
   * subjects, checked as an ordinary report. The controller became aware when the supplier told it (Art.
   * 33(2)); that is both its discovery and the processor's notification.
   *
   * @param index the controller's place in the request, for the errors' names; -1 for a single controller
   */
  ReportValidator.ValidReport caseReport(SupplierFacts facts, AffectedController controller, int index,
      Instant now) {
    Map<String, Object> values = new HashMap<>();
    values.put(Fields.CONTROLLER_ID.name(), controller.controllerId());
    values.put(Fields.DESCRIPTION.name(), facts.description());
    values.put(Fields.CAUSE.name(), facts.cause().name());
    values.put(Fields.OCCURRED_AT.name(), date(facts.occurredAt()));
    values.put(Fields.ENDED_AT.name(), date(facts.endedAt()));
    values.put(Fields.DISCOVERED_AT.name(), date(controller.notifiedAt()));
    values.put(Fields.BREACH_TYPES.name(), facts.breachTypes().stream().map(Enum::name).toList());
    values.put(Fields.DATA_CATEGORIES.name(), facts.dataCategories().stream().map(Enum::name).toList());
    values.put(Fields.DATA_SUBJECT_COUNT.name(), controller.dataSubjectCount());
    // The supplier's number of records counts all controllers' together: no one controller's case has it.
    values.put(Fields.RECORD_COUNT.name(), null);
    values.put(Fields.VULNERABLE_SUBJECTS.name(), false);
    values.put(Fields.PROCESSOR_INVOLVED.name(), true);
    values.put(Fields.PROCESSOR.name(), facts.processor());
    values.put(Fields.PROCESSOR_NOTIFIED_AT.name(), date(controller.notifiedAt()));
    values.put(Fields.THIRD_COUNTRY.name(), facts.thirdCountry());
    try {
      return reports.validate(values::get, now);
    } catch (InvalidInputException invalid) {
      throw new InvalidInputException(REFUSED, invalid.errors().stream().map(error -> renamed(error, index)).toList());
    }
  }

  // --------------------------------------------------------------------------------------------- reading

  /** The shared facts: what the reader has, else {@code current}'s; null when a required one is missing. */
  private static SupplierFacts facts(FormReader in, Map<String, Object> current) {
    Map<String, Object> values = new HashMap<>(current);
    for (Field<?> field : SupplierFields.FACTS) {
      if (current.isEmpty() || in.has(field.name())) {
        values.put(field.name(), in.read(field));
      }
    }
    values.putIfAbsent(SupplierFields.THIRD_COUNTRY.name(), false);
    if (values.get(SupplierFields.THIRD_COUNTRY.name()) == null) {
      values.put(SupplierFields.THIRD_COUNTRY.name(), false);
    }
    require(in, values, SupplierFields.PROCESSOR, "Ange leverantörens namn.");
    require(in, values, SupplierFields.PROCESSOR_ORGANISATION_NUMBER, "Ange leverantörens organisationsnummer.");
    require(in, values, SupplierFields.DESCRIPTION, "Beskriv vad leverantören har berättat.");
    require(in, values, SupplierFields.CAUSE, "Välj vad som orsakade incidenten.");
    if (isEmpty(values.get(SupplierFields.BREACH_TYPES.name())) && !in.hasError(SupplierFields.BREACH_TYPES)) {
      in.error(SupplierFields.BREACH_TYPES, "Välj minst ett alternativ för vad som hände med uppgifterna.");
    }
    if (isEmpty(values.get(SupplierFields.DATA_CATEGORIES.name())) && !in.hasError(SupplierFields.DATA_CATEGORIES)) {
      in.error(SupplierFields.DATA_CATEGORIES, "Välj minst en typ av personuppgifter.");
    }
    return in.hasErrors() ? null : Records.create(SupplierFacts.class, values);
  }

  private static void require(FormReader in, Map<String, Object> values, Field<?> field, String reason) {
    if (values.get(field.name()) == null && !in.hasError(field)) {
      in.error(field, reason);
    }
  }

  private static boolean isEmpty(Object set) {
    return set == null || ((Set<?>) set).isEmpty();
  }

  /**
   * The controllers of a registration, in the order sent; an entry whose own fields are wrong is null (and its
   * errors are added). Null when the list itself cannot be read.
   */
  private List<AffectedController> controllers(Object raw, boolean required, List<FieldError> errors) {
    if (raw == null) {
      if (required) {
        errors.add(new FieldError(CONTROLLERS, "Ange minst en nämnd eller ett bolag som leverantören har underrättat."));
      }
      return null;
    }
    List<Map<String, Object>> entries = entries(raw, errors);
    if (entries == null) {
      return null;
    }
    if (entries.size() > MAX_CONTROLLERS) {
      errors.add(new FieldError(CONTROLLERS, "Högst " + MAX_CONTROLLERS + " nämnder och bolag i en leverantörsincident."));
      return null;
    }
    List<AffectedController> controllers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> entry = entries.get(i);
      AffectedController controller = controller(entry::get, i, errors);
      if (controller != null && !seen.add(controller.controllerId())) {
        errors.add(new FieldError(entryField(i, CONTROLLER_ID), "Nämnden eller bolaget finns redan med i listan."));
        controller = null;
      }
      controllers.add(controller);
    }
    return controllers;
  }

  /** One controller's entry, its own fields checked (the rules between it and the shared facts come later). */
  private AffectedController controller(Function<String, Object> entry, int index, List<FieldError> errors) {
    FormReader in = new FormReader(entry);
    String id = in.required(CONTROLLER_ID, "Välj nämnd eller bolag.");
    if (id != null && registry.find(id).isEmpty()) {
      in.error(CONTROLLER_ID, "Den personuppgiftsansvarige '" + Echo.of(id) + "' finns inte.");
    }
    Instant notifiedAt = in.required(NOTIFIED_AT, "Ange när leverantören underrättade nämnden eller bolaget.");
    if (notifiedAt != null && notifiedAt.isAfter(Times.now().plus(Times.CLOCK_TOLERANCE))) {
      in.error(NOTIFIED_AT, "Tidpunkten då leverantören underrättade nämnden eller bolaget kan inte ligga i framtiden.");
    }
    Integer count = in.required(DATA_SUBJECT_COUNT, "Ange ungefär hur många personer som berörs.");
    in.collected().forEach(error -> errors.add(renamed(error, index)));
    return in.hasErrors() ? null : new AffectedController(id, notifiedAt, count);
  }

  /** A list of objects: JSON (from the API) or JSON text (from the start form's list). */
  private static List<Map<String, Object>> entries(Object raw, List<FieldError> errors) {
    try {
      Object list = raw instanceof CharSequence text ? JSON.readValue(text.toString(), Object.class) : raw;
      if (!(list instanceof List<?> elements)) {
        errors.add(new FieldError(CONTROLLERS, "Ska vara en lista med nämnder och bolag."));
        return null;
      }
      List<Map<String, Object>> entries = new ArrayList<>();
      for (Object element : elements) {
        Object value = element instanceof CharSequence text && text.toString().strip().startsWith("{")
            ? JSON.readValue(text.toString(), Object.class) : element;
        if (!(value instanceof Map<?, ?> map)) {
          errors.add(new FieldError(CONTROLLERS, "Varje nämnd eller bolag i listan ska vara ett objekt med "
              + "controllerId, notifiedAt och dataSubjectCount."));
          return null;
        }
        entries.add(JSON.convertValue(map, new TypeReference<Map<String, Object>>() {}));
      }
      return entries;
    } catch (JsonProcessingException | IllegalArgumentException unreadable) {
      errors.add(new FieldError(CONTROLLERS, "Listan med nämnder och bolag kan inte läsas."));
      return null;
    }
  }

  /** A case's field as the caller named it: the controller's own fields under its entry. */
  private static FieldError renamed(FieldError error, int index) {
    String field = error.field();
    Field<?> entryField = field.equals(Fields.DISCOVERED_AT.name()) || field.equals(Fields.PROCESSOR_NOTIFIED_AT.name())
        ? NOTIFIED_AT
        : field.equals(Fields.DATA_SUBJECT_COUNT.name()) || field.equals(DATA_SUBJECT_COUNT.name()) ? DATA_SUBJECT_COUNT
        : field.equals(CONTROLLER_ID.name()) ? CONTROLLER_ID
        : field.equals(NOTIFIED_AT.name()) ? NOTIFIED_AT : null;
    if (entryField == null) {
      return error;
    }
    return new FieldError(index < 0 ? entryField.name() : entryField(index, entryField), error.reason());
  }

  private static List<FieldError> unknown(Set<String> names) {
    return FieldError.unknown(names, SupplierFields.NAMES, "Fältet finns inte för en leverantörsincident");
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
