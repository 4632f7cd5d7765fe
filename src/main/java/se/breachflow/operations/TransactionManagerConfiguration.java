package se.breachflow.operations;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Spring Boot's JDBC transaction manager (which steps back when one is defined) with the durable one;
 * the engine uses the same bean. Boot's customizers ({@code spring.transaction.*}) are applied as Boot would.
 */
@Configuration(proxyBeanMethods = false)
class TransactionManagerConfiguration {

  @Bean
  DurableTransactionManager transactionManager(DataSource dataSource,
      ObjectProvider<TransactionManagerCustomizers> customizers) {
    DurableTransactionManager transactionManager = new DurableTransactionManager(dataSource);
    customizers.ifAvailable(c -> c.customize(transactionManager));
    return transactionManager;
  }
}
