package se.breachflow.access.oidc;

import java.nio.file.Files;
import java.nio.file.Path;

import se.breachflow.support.ChildApplication;

/**
 * One provider and one application with single sign-on for all the oidc tests of a run (each start costs a
 * minute): started by the first test class that asks, stopped when the test JVM ends.
 */
public final class OidcRuntime implements AutoCloseable {

  private static OidcRuntime running;

  public final OidcProvider provider;
  public final ChildApplication app;

  private final Path directory;

  private OidcRuntime(OidcProvider provider, ChildApplication app, Path directory) {
    this.provider = provider;
    this.app = app;
    this.directory = directory;
  }

  public static synchronized OidcRuntime get() {
    if (running == null) {
      running = start();
      OidcRuntime started = running;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (Exception ignored) {
          // The JVM ends anyway.
        }
      }));
    }
    return running;
  }

  private static OidcRuntime start() {
    OidcProvider provider = new OidcProvider();
    try {
      Path directory = Files.createTempDirectory("breachflow-oidc");
      return new OidcRuntime(provider,
          ChildApplication.start(directory, provider.applicationArguments(directory).toArray(String[]::new)), directory);
    } catch (Exception e) {
      provider.close();
      throw new IllegalStateException("The application with single sign-on did not start", e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      app.close();
    } finally {
      provider.close();
      org.springframework.util.FileSystemUtils.deleteRecursively(directory);
    }
  }
}
