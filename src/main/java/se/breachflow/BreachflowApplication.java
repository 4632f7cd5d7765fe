package se.breachflow;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BreachflowApplication {

  public static void main(String[] args) {
    // The engine stores due dates as zone-less timestamps; a JVM in UTC makes them unambiguous
    // across DST changes (docs/adr/0002-utc-jvm.md). People see Europe/Stockholm via Times.
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    SpringApplication.run(BreachflowApplication.class, args);
  }
}
