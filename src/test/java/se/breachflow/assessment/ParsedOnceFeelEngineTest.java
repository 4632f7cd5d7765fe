package se.breachflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The engine that parses each FEEL text once answers exactly as Camunda's, evaluation after evaluation. */
class ParsedOnceFeelEngineTest {

  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
  private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine();

  private static VariableContext variables(Object count, Object categories) {
    return Variables.createVariables().putValue("dataSubjectCount", count).putValue("dataCategories", categories)
        .putValue("cellInput", count).asVariableContext();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(delimiter = '|', value = {
      "dataSubjectCount * 2 + 1 | 3",
      "if dataSubjectCount > 100 then \"MANY\" else \"FEW\" | 250",
      "list contains(dataCategories, \"HEALTH\") | 1",
      "string join(dataCategories, \", \") | 1",
      "dataSubjectCount = null | 0"})
  void shouldEvaluateExpressionsAsCamundaDoesEveryTime(String expression, int count) {
    VariableContext context = variables(count, List.of("HEALTH", "IDENTITY"));
    Object expected = camunda.evaluateSimpleExpression(expression, context);
    for (int i = 0; i < 3; i++) {
      assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, context)).isEqualTo(expected);
    }
    assertThat(parsedOnce.cachedTexts()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} for {1}")
  @CsvSource(delimiter = '|', value = {
      "> 100 | 250 | true", "> 100 | 3 | false", "[1..10] | 10 | true", "[1..10) | 10 | false",
      "-  | 7 | true", "not(1, 2) | 2 | false", "1, 2, 3 | 3 | true", "? > 5 | 6 | true"})
  void shouldTestUnaryTestsAsCamundaDoesEveryTime(String tests, int input, boolean expected) {
    VariableContext context = variables(input, List.of());
    assertThat(camunda.evaluateSimpleUnaryTests(tests, "cellInput", context)).isEqualTo(expected);
    for (int i = 0; i < 3; i++) {
      assertThat(parsedOnce.evaluateSimpleUnaryTests(tests, "cellInput", context)).isEqualTo(expected);
    }
  }

  @Test
  void shouldFailAsCamundaDoesOnATextThatDoesNotParseOrEvaluate() {
    VariableContext context = variables(1, List.of());
    for (String broken : List.of("dataSubjectCount >", "assert(dataSubjectCount, dataSubjectCount > 5)")) {
      String camundaMessage = messageOf(() -> camunda.evaluateSimpleExpression(broken, context));
      assertThat(messageOf(() -> parsedOnce.evaluateSimpleExpression(broken, context))).isEqualTo(camundaMessage);
      assertThat(messageOf(() -> parsedOnce.evaluateSimpleExpression(broken, context))).isEqualTo(camundaMessage);
    }
  }

  @Test
  void shouldKeepAtMostTheLimitOfTexts() {
    VariableContext context = variables(1, List.of());
    for (int i = 0; i < ParsedOnceFeelEngine.LIMIT + 5; i++) {
      assertThat((Object) parsedOnce.evaluateSimpleExpression("dataSubjectCount + " + i, context))
          .isEqualTo(Long.valueOf(1 + i));
    }
    assertThat(parsedOnce.cachedTexts()).isEqualTo(ParsedOnceFeelEngine.LIMIT);
  }

  private static String messageOf(Runnable evaluation) {
    try {
      evaluation.run();
    } catch (FeelException e) {
      return e.getMessage();
    }
    throw new AssertionError("no failure");
  }
}
