package io.keyframe.spark.launch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.spark.ChildJvm;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.TrackingBatch;
import io.keyframe.spark.agreement.AgreementJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real Spark standalone cluster on this host: a Master JVM, a Worker JVM, the executor
 * JVM that the Worker forks, and the job handed to {@code SparkSubmit --master spark://...
 * --deploy-mode client}, giving the same metrics as the embedded call. {@code local[N]} runs tasks
 * inside the driver, so only a cluster manager exercises what a cluster adds: the application jar
 * fetched by an executor from the driver, closures and rows serialised between JVMs, and outputs
 * the driver commits from files that another process wrote.
 *
 * <p>Every JVM here runs from a throwaway SPARK_HOME whose {@code jars/} holds the test classpath's
 * third-party jars, as a Spark distribution holds Spark's; keyframe's own classes reach the driver
 * and executor only as the submitted application jar and {@code --jars}, never through {@code
 * jars/}.
 */
class StandaloneClusterTest {
  /** How long any awaited log line may take: generous, for two cores shared with other builds. */
  // Generous: these bound a hang, not a speed. Under load (load average ~21 seen) a JVM takes
  // minutes to start.
  private static final Duration WAIT = Duration.ofMinutes(5);

  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
  private static final Pattern EXECUTOR_GRANTED =
      Pattern.compile("Granted executor ID (app-[\\w-]+)/(\\d+) on hostPort 127\\.0\\.0\\.1:\\d+");

  private final SparkSession spark = SharedSpark.get();

  /** Started JVMs, stopped in reverse order after the test whatever its outcome. */
  private final List<Process> started = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void stopCluster() throws IOException, InterruptedException {
    for (int i = started.size() - 1; i >= 0; i--) stop(started.get(i));
    // JUnit would warn once per link it finds when it deletes the temp dir.
    Path jars = dir.resolve("spark-home/jars");
    if (Files.isDirectory(jars))
      try (Stream<Path> links = Files.list(jars)) {
        for (Path link : links.toList()) Files.delete(link);
      }
  }

  @Test
  void agreementJobSubmittedToAStandaloneMasterRunsInAWorkerForkedExecutorLikeTheEmbeddedCall()
      throws Exception {
    String detections = TrackingBatch.write(spark, dir.resolve("in"), 3, 60, 4, 11);
    Distribution dist =
        Distribution.build(dir.resolve("spark-home"), dir.resolve("app"), dir.resolve("local"));

    Path masterLog = dir.resolve("master.log");
    Process master =
        start(
            masterLog,
            dist,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0");
    String masterUrl = await(master, masterLog, MASTER_URL).group(1);
    await(master, masterLog, Pattern.compile("I have been elected leader! New state: ALIVE"));

    Path workerLog = dir.resolve("worker.log"), work = Files.createDirectories(dir.resolve("work"));
    Process worker =
        start(
            workerLog,
            dist,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--cores",
            "2",
            "--memory",
            "1g",
            "--webui-port",
            "0",
            "--work-dir",
            work.toString(),
            masterUrl);
    await(
        worker,
        workerLog,
        Pattern.compile("Successfully registered with master " + Pattern.quote(masterUrl)));

    Path driverLog = dir.resolve("driver.log");
    Process driver =
        start(
            driverLog,
            dist,
            "org.apache.spark.deploy.SparkSubmit",
            LaunchedAgreement.submitArguments(
                List.of(
                    "--master",
                    masterUrl,
                    "--deploy-mode",
                    "client",
                    "--class",
                    AgreementJob.class.getName(),
                    "--jars",
                    dist.libraries().stream().map(Path::toString).collect(Collectors.joining(",")),
                    "--conf",
                    "spark.executor.memory=512m",
                    "--conf",
                    "spark.cores.max=2",
                    "--conf",
                    "spark.ui.enabled=false",
                    "--conf",
                    "spark.driver.host=127.0.0.1",
                    "--conf",
                    "spark.sql.shuffle.partitions=4"),
                dist.application().toString(),
                dir,
                detections,
                "c"));
    assertThat(driver.waitFor(10, TimeUnit.MINUTES))
        .as("driver finished; log: %s", read(driverLog))
        .isTrue();
    String driverText = read(driverLog);
    assertThat(driver.exitValue()).as(driverText).isZero();
    assertThat(driverText).contains("agreement run c wrote");

    // The work was done by an executor JVM that the Worker forked: its stderr sits in the Worker's
    // work dir, it fetched every keyframe jar from the driver, and it ran the job's tasks.
    Matcher granted = EXECUTOR_GRANTED.matcher(driverText);
    assertThat(granted.find()).as(driverText).isTrue();
    Path executorLog = work.resolve(granted.group(1)).resolve(granted.group(2)).resolve("stderr");
    // The Worker copies the executor's output into that file on a thread of its own: wait, don't
    // race.
    await(worker, executorLog, Pattern.compile("Finished task"));
    String executorText = read(executorLog);
    assertThat(executorText).contains("CoarseGrainedExecutorBackend", "Running task");
    for (Path jar : dist.shipped())
      assertThat(executorText)
          .containsPattern(
              "Fetching spark://127\\.0\\.0\\.1:\\d+/jars/"
                  + Pattern.quote(jar.getFileName().toString()))
          .containsPattern(
              "Adding file:\\S+/"
                  + Pattern.quote(jar.getFileName().toString())
                  + " to class loader");

    LaunchedAgreement metrics = LaunchedAgreement.check(spark, dir, detections, "c");
    assertThat(metrics.submitted().exceptAll(metrics.embedded()).collectAsList()).isEmpty();
    assertThat(metrics.embedded().exceptAll(metrics.submitted()).collectAsList()).isEmpty();
  }

  private Process start(Path log, Distribution dist, String mainClass, String... args)
      throws IOException {
    Process p = ChildJvm.start(log, dist.classPath(), dist.environment(), mainClass, args);
    started.add(p);
    return p;
  }

  /**
   * Polls a JVM's log for a line; fails at once if the JVM exits first, so a crash is not a
   * timeout.
   */
  private static Matcher await(Process p, Path log, Pattern line)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String text = read(log);
      Matcher m = line.matcher(text);
      if (m.find()) return m;
      if (!p.isAlive())
        throw new AssertionError(
            "exited " + p.exitValue() + " before '" + line + "'; log:\n" + text);
      if (System.nanoTime() > deadline)
        throw new AssertionError("no '" + line + "' within " + WAIT + "; log:\n" + text);
      Thread.sleep(200);
    }
  }

  private static String read(Path log) throws IOException {
    // Bytes, not readString: a log read mid-write may end inside a multi-byte character.
    return Files.exists(log) ? new String(Files.readAllBytes(log), UTF_8) : "";
  }

  /**
   * SIGTERM first so the Worker's shutdown hook kills the executors it forked; then anything that
   * outlived it (its executors included) is killed outright, so no JVM survives the test.
   */
  private static void stop(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    for (ProcessHandle child : children) {
      child.destroy();
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        child.destroyForcibly();
      }
    }
  }

  /**
   * A minimal Spark distribution for the cluster's JVMs: {@code home/jars} links the test
   * classpath's jars from outside this repository (Spark, Scala, Hadoop and keyframe's third-party
   * libraries), which is where the Worker's {@code WorkerCommandBuilder} takes an executor's
   * classpath from. The spark-jobs classes become the application jar and the other keyframe
   * modules {@code --jars}, so the executor can only get them the way a cluster's executors do:
   * from the driver.
   */
  private record Distribution(Path home, Path application, List<Path> libraries, Path localDirs) {
    static Distribution build(Path home, Path appDir, Path localDirs) throws Exception {
      Path repo = Path.of(System.getProperty("keyframe.root")).toAbsolutePath().normalize();
      Path jobs =
          Path.of(AgreementJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path jars = Files.createDirectories(home.resolve("jars"));
      Files.createDirectories(appDir);
      Path application = null;
      List<Path> libraries = new ArrayList<>();
      int n = 0;
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (entry.isEmpty()) continue;
        Path p = Path.of(entry).toAbsolutePath().normalize();
        if (!p.startsWith(repo)) {
          // Numbered: two artifacts may share a file name (different groups).
          if (Files.isRegularFile(p) && p.toString().endsWith(".jar"))
            Files.createSymbolicLink(
                jars.resolve(String.format("%03d-%s", n++, p.getFileName())), p);
        } else if (p.equals(jobs)) {
          application = asJar(p, appDir.resolve("keyframe-spark-jobs.jar"));
        } else if (!p.endsWith("test-classes")) {
          libraries.add(
              asJar(p, appDir.resolve("keyframe-" + repo.relativize(p).getName(0) + ".jar")));
        }
      }
      if (application == null)
        throw new IllegalStateException("spark-jobs classes not on the classpath: " + jobs);
      // The Master's REST submission server binds a fixed port (6066) unless switched off here,
      // where
      // a distribution keeps its cluster-wide defaults.
      Files.writeString(
          Files.createDirectories(home.resolve("conf")).resolve("spark-defaults.conf"),
          "spark.master.rest.enabled false\n");
      return new Distribution(
          home, application, List.copyOf(libraries), Files.createDirectories(localDirs));
    }

    /**
     * Every keyframe jar an executor must fetch from the driver: the application's and {@code
     * --jars}.
     */
    List<Path> shipped() {
      return Stream.concat(Stream.of(application), libraries.stream()).toList();
    }

    /** The classpath {@code bin/spark-class} gives a distribution's JVMs. */
    String classPath() {
      return home.resolve("jars") + File.separator + "*";
    }

    /**
     * SPARK_SCALA_VERSION is what {@code load-spark-env.sh} sets in a real distribution; without it
     * the Worker's command builder looks for a Spark source build under SPARK_HOME and fails.
     * SPARK_LOCAL_DIRS keeps block-manager and executor scratch space inside the test's temp dir.
     */
    Map<String, String> environment() {
      return Map.of(
          "SPARK_HOME",
          home.toString(),
          "SPARK_SCALA_VERSION",
          "2.13",
          "SPARK_LOCAL_IP",
          "127.0.0.1",
          "SPARK_LOCAL_DIRS",
          localDirs.toString());
    }

    /**
     * A module's classes as a jar: a directory in a reactor build, already a jar after {@code
     * package}.
     */
    private static Path asJar(Path classes, Path jar) throws IOException {
      if (Files.isRegularFile(classes)) return classes;
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
          Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(
              new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
          Files.copy(f, out);
          out.closeEntry();
        }
      }
      return jar;
    }
  }
}
