package se.breachflow.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system mounted for a test: a tmpfs with a size limit that a test fills to the last byte and
 * frees again, or an ext4 file system on a loop device that the kernel turns read-only as it does after a disk
 * error ({@code errors=remount-ro}). Mounting needs root (or CAP_SYS_ADMIN); without it, or without the tools,
 * the test is skipped with a message.
 */
public final class SmallDisk implements AutoCloseable {

  private final Path mountPoint;
  private final Path filler;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.filler = mountPoint.resolve("filler");
  }

  /** A tmpfs of {@code megabytes} at {@code mountPoint} (created if needed), or the test is skipped. */
  public static SmallDisk tmpfs(Path mountPoint, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    mountOrSkip("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", "breachflow-small-disk",
        mountPoint.toString());
    return new SmallDisk(mountPoint);
  }

  /**
   * An ext4 file system of {@code megabytes} in {@code image}, mounted through a loop device at {@code mountPoint}
   * with {@code errors=remount-ro}, or the test is skipped.
   */
  public static SmallDisk ext4(Path image, Path mountPoint, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    skipUnless(run("truncate", "-s", megabytes + "M", image.toString()), "could not create " + image);
    skipUnless(run("mkfs.ext4", "-q", "-F", image.toString()), "mkfs.ext4 failed");
    mountOrSkip("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString());
    return new SmallDisk(mountPoint);
  }

  public Path path() {
    return mountPoint;
  }

  /** Writes a file until the file system has no byte left. */
  public void fill() throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException noSpaceLeft) {
      if (!String.valueOf(noSpaceLeft.getMessage()).contains("No space left")) {
        throw noSpaceLeft;
      }
    }
    // What the big writes could not place, byte by byte.
    try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler-tail"))) {
      while (true) {
        out.write(0);
        out.flush();
      }
    } catch (IOException noSpaceLeft) {
      // Full to the byte.
    }
  }

  /** Gives the space that {@link #fill()} took back. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
    Files.deleteIfExists(mountPoint.resolve("filler-tail"));
  }

  public long usableSpace() throws IOException {
    return Files.getFileStore(mountPoint).getUsableSpace();
  }

  /**
   * What the kernel does to an ext4 file system with {@code errors=remount-ro} when it meets a disk error: from
   * now on every write fails with "Read-only file system", also to files that are open.
   */
  public void turnReadOnlyAsAfterADiskError() throws IOException, InterruptedException {
    Result source = run("findmnt", "-n", "-o", "SOURCE", mountPoint.toString());
    Path trigger = Path.of("/sys/fs/ext4", Path.of(source.output.strip()).getFileName().toString(), "trigger_fs_error");
    skipUnless(new Result(Files.exists(trigger) ? 0 : 1, trigger + " is missing"), "this kernel cannot report an ext4 error on demand");
    Files.writeString(trigger, "breachflow test: simulated disk error");
  }

  public boolean isReadOnly() throws IOException, InterruptedException {
    List<String> options = List.of(run("findmnt", "-n", "-o", "OPTIONS", mountPoint.toString()).output.strip().split(","));
    return options.contains("ro") || options.contains("emergency_ro");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Result umount = run("umount", "-l", mountPoint.toString());
    if (umount.exitCode != 0) {
      System.out.println("WARNING: could not unmount " + mountPoint + ": " + umount.output.strip());
    }
  }

  private record Result(int exitCode, String output) {}

  private static void mountOrSkip(String... command) throws IOException, InterruptedException {
    skipUnless(run(command), "could not mount a small file system (needs root or CAP_SYS_ADMIN)");
  }

  private static void skipUnless(Result result, String why) {
    if (result.exitCode != 0) {
      String message = "Disk test skipped: " + why + ": " + result.output.strip();
      System.out.println("WARNING: " + message);
      Assumptions.abort(message);
    }
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException noSuchCommand) {
      return new Result(-1, noSuchCommand.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, command[0] + " did not finish");
    }
    return new Result(process.exitValue(), output);
  }
}
