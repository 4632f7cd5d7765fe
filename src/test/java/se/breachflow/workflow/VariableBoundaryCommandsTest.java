package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

/**
 * Every command of the engine that carries values into it (a field that is a map of variables, or a builder
 * that holds them) is either a step the boundary checks — a start or a task's form — or refused to people, or
 * reviewed here as harmless. A Camunda upgrade that brings a new such command fails this test until someone
 * has decided which it is.
 */
class VariableBoundaryCommandsTest {

  /** The starts and completions that the boundary checks field by field. */
  private static final List<Class<?>> STEPS = List.of(StartProcessInstanceCmd.class, SubmitStartFormCmd.class,
      CompleteTaskCmd.class, SubmitTaskFormCmd.class);

  /**
   * Commands with such a field that people may run: each with why it cannot put a value into a case. (Class
   * names, because several are not public.)
   */
  private static final Map<String, String> REVIEWED = Map.ofEntries(
      Map.entry("org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd",
          "evaluates a decision on the given facts; changes no case (and needs CREATE_INSTANCE on the decision)"),
      Map.entry("org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd", "as EvaluateDecisionCmd"),
      Map.entry("org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd",
          "only describes a migration; running one (MigrateProcessInstanceCmd) is refused"),
      Map.entry("org.camunda.bpm.engine.impl.cmd.DeployCmd",
          "deploys models: CREATE on deployments, which only administrators have"),
      Map.entry("org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd",
          "a user's own profile entries in the identity service, not a case"),
      Map.entry("org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupSchedulerCmd",
          "the job executor's own scheduling of history cleanup; runs without a user"));

  @Test
  void everyCommandThatCarriesVariablesIsAStepOrRefusedOrReviewed() throws Exception {
    List<String> carriers = carriers();
    assertThat(carriers).as("the scan finds the commands it must").contains(CompleteTaskCmd.class.getName(),
        "org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd", "org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd");

    Set<String> undecided = new TreeSet<>();
    for (String name : carriers) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      boolean step = STEPS.stream().anyMatch(s -> s.isAssignableFrom(type));
      boolean refused = VariableBoundary.REFUSED.keySet().stream().anyMatch(r -> r.isAssignableFrom(type));
      if (!step && !refused && !REVIEWED.containsKey(name)) {
        undecided.add(name);
      }
    }
    assertThat(undecided).as("commands that carry variables and that the boundary neither checks nor refuses")
        .isEmpty();
  }

  @Test
  void theBoundaryReadsTheFieldsItNeedsOfThisCamundaVersion() {
    // Loading the class resolves every field it reads; a renamed field stops the application at start.
    assertThat(EngineCommands.class).isNotNull();
    assertThat(EngineCommands.start(new SubmitStartFormCmd("definition", null, Map.of("a", 1))).variables())
        .containsEntry("a", 1);
  }

  /** Concrete engine commands with a field of variables (a Map) or of a builder (which holds them). */
  private static List<String> carriers() throws IOException, URISyntaxException {
    Path jar = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> carriers = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String entry = entries.nextElement().getName();
        if (!entry.startsWith("org/camunda/bpm/engine/impl/") || !entry.endsWith(".class") || entry.contains("$")) {
          continue;
        }
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        Class<?> type;
        try {
          type = Class.forName(name, false, VariableBoundaryCommandsTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError optionalDependency) {
          continue;
        }
        // Queries and reports only read (their maps are filters).
        if (Command.class.isAssignableFrom(type) && !AbstractQuery.class.isAssignableFrom(type)
            && !AbstractNativeQuery.class.isAssignableFrom(type)
            && !type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && carriesValues(type)) {
          carriers.add(name);
        }
      }
    }
    return carriers;
  }

  private static boolean carriesValues(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && (Map.class.isAssignableFrom(field.getType())
            || field.getType().getSimpleName().endsWith("BuilderImpl"))) {
          return true;
        }
      }
    }
    return false;
  }
}
