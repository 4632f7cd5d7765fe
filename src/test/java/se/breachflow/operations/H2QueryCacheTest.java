package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.breachflow.support.BreachflowTest;

/** H2 keeps more parsed statements than its default of 8, unless the URL says otherwise. */
@BreachflowTest
class H2QueryCacheTest {

  @Autowired DataSource dataSource;

  @Test
  void shouldGiveTheApplicationsH2DatabaseTheLargerCache() throws Exception {
    try (Connection connection = dataSource.getConnection();
        ResultSet setting = connection.createStatement().executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
      assertThat(setting.next()).isTrue();
      assertThat(setting.getInt(1)).isEqualTo(H2QueryCache.SIZE);
    }
  }

  @Test
  void shouldKeepAUrlsOwnSettingAndLeaveOtherDatabasesAlone() {
    assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./data/x;LOCK_TIMEOUT=10000"))
        .isEqualTo("jdbc:h2:file:./data/x;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=" + H2QueryCache.SIZE);
    assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./data/x;query_cache_size=4"))
        .isEqualTo("jdbc:h2:file:./data/x;query_cache_size=4");
    assertThat(H2QueryCache.withQueryCache("jdbc:postgresql://localhost:5432/breachflow"))
        .isEqualTo("jdbc:postgresql://localhost:5432/breachflow");
  }
}
