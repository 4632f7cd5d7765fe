package se.breachflow.operations;

import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Raises H2's cache of parsed statements from its default of 8 per connection to {@value #SIZE}, unless the
 * database URL sets {@code QUERY_CACHE_SIZE} itself. Camunda's statements are long (an authorization check alone
 * is several kilobytes of SQL) and a report runs a few dozen different ones; with 8, H2 parsed nearly every
 * statement again, a fifth of a report's time (BENCHMARKS.md, issue 22). Applied to the configured URL, so that a
 * URL of one's own ({@code BREACHFLOW_DB_URL}) gets it too. Other databases are left alone (PostgreSQL's driver
 * keeps its own statement cache).
 */
@Component
class H2QueryCache implements BeanPostProcessor {

  static final int SIZE = 128;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
      properties.setUrl(withQueryCache(properties.getUrl()));
    }
    return bean;
  }

  static String withQueryCache(String url) {
    if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE=")) {
      return url;
    }
    return url + ";QUERY_CACHE_SIZE=" + SIZE;
  }
}
