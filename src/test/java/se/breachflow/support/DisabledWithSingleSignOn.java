package se.breachflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** A test (or test class) about passwords or local users, which have no meaning with single sign-on: skipped there. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DisabledWithSingleSignOn.Condition.class)
public @interface DisabledWithSingleSignOn {

  /** Why the test does not apply with single sign-on (shown in the report). */
  String value();

  class Condition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getElement()
          .flatMap(element -> AnnotationSupport.findAnnotation(element, DisabledWithSingleSignOn.class))
          .filter(disabled -> TestLogin.singleSignOn())
          .map(disabled -> ConditionEvaluationResult.disabled("Not with single sign-on: " + disabled.value()))
          .orElse(ConditionEvaluationResult.enabled("Not disabled with single sign-on"));
    }
  }
}
