package se.breachflow.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The risk rules as the project holds them: parsed from {@code bpmn/risk-assessment.dmn}. */
final class Dmn {

  static final Path MODEL = Path.of("bpmn", "risk-assessment.dmn");
  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private Dmn() {}

  static RiskRules rules() {
    try (InputStream in = Files.newInputStream(MODEL)) {
      return RiskRules.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DmnDecisionRequirementsGraph graph() {
    try (InputStream in = Files.newInputStream(MODEL)) {
      return ENGINE.parseDecisionRequirementsGraph(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
