package se.breachflow.assessment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine for DMN ({@link ScalaFeelEngine}), except that each expression text is parsed once, not
 * on every evaluation. Camunda's class calls feel-scala's {@code evalExpression(text, context)} and
 * {@code evalUnaryTests(text, context)}, which parse the text each time; a decision table's cells are the same
 * texts on every evaluation, and parsing them was the largest part of evaluating the risk rules (BENCHMARKS.md,
 * issue 22). feel-scala's own API separates the two steps ({@code parseExpression} / {@code parseUnaryTests},
 * then {@code eval} of the immutable {@link ParsedExpression}); this class does what those two methods do, with
 * the parse remembered. Contexts, value mappers, failures and their messages are Camunda's, unchanged.
 *
 * <p>The texts come only from deployed DMN models (an administrator's deployment), so the cache is small; it is
 * bounded all the same ({@value #LIMIT} texts per kind, then a text is parsed each time as before).
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

  static final int LIMIT = 10_000;

  private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

  ParsedOnceFeelEngine() {
    super(List.of());
  }

  /** For {@code DefaultDmnEngineConfiguration.feelEngineFactory}. */
  static FeelEngineFactory factory() {
    FeelEngine engine = new ParsedOnceFeelEngine();
    return () -> engine;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) value(parsed(expressions, expression, feelEngine::parseExpression), context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    StaticVariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(value(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context));
  }

  /** How many texts are kept parsed (expressions and unary tests). */
  int cachedTexts() {
    return expressions.size() + unaryTests.size();
  }

  private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
      String text, Function<String, Either<Failure, ParsedExpression>> parse) {
    Either<Failure, ParsedExpression> known = cache.get(text);
    if (known != null) {
      return known;
    }
    Either<Failure, ParsedExpression> result = parse.apply(text);
    if (cache.size() < LIMIT) {
      cache.putIfAbsent(text, result);
    }
    return result;
  }

  private Object value(Either<Failure, ParsedExpression> parsed, CustomContext context) {
    Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> right
        ? feelEngine.eval(right.value(), context)
        : (Either<Failure, Object>) (Either<Failure, ?>) parsed;
    if (result instanceof Left<Failure, Object> left) {
      throw LOGGER.evaluationException(left.value().message());
    }
    return ((Right<Failure, Object>) result).value();
  }
}
