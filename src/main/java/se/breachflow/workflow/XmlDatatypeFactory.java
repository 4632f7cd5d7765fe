package se.breachflow.workflow;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names the XML datatype factory once, so that the engine does not search the class path for it on every timer.
 * Each timer's due date goes through the engine's {@code DurationHelper}, which calls
 * {@link DatatypeFactory#newInstance()}; without the system property {@value #PROPERTY}, that looks for a
 * provider in {@code META-INF/services} of every jar (ServiceLoader): 4.5 % of a report's time, which starts
 * four timers (BENCHMARKS.md, issue 22). The property is set to the class that very look-up finds, so the
 * factory is the same one as before; a value set by the operator is kept.
 */
@Component
public class XmlDatatypeFactory extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "javax.xml.datatype.DatatypeFactory";

  private static final Logger log = LoggerFactory.getLogger(XmlDatatypeFactory.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    pin();
  }

  /** Sets the property to the factory the look-up finds, unless it is set; returns the class used. */
  static String pin() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      return configured;
    }
    try {
      String found = DatatypeFactory.newInstance().getClass().getName();
      System.setProperty(PROPERTY, found);
      log.info("XML datatype factory (timer due dates): {}", found);
      return found;
    } catch (DatatypeConfigurationException e) {
      // The engine's own look-up will fail the same way and say so; nothing to pin.
      log.warn("No XML datatype factory found: {}", e.getMessage());
      return null;
    }
  }
}
