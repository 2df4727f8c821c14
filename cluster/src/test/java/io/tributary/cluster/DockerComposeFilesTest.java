package io.tributary.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tributary.api.resources.HealthResource;
import io.tributary.cli.TributaryCommand;
import io.tributary.jobs.JobArguments;
import io.tributary.jobs.JobSettings;
import io.tributary.jobs.QuerySourceSpec;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Keeps {@code docker/} true without a Docker engine: every image tag, jar, path, command, job
 * class, Flink setting and environment variable the compose file and the Dockerfiles refer to must
 * exist in this build.
 */
class DockerComposeFilesTest {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(:?-([^}]*))?}");
  private static final Set<String> TRIBUTARY_SERVICES = Set.of("api", "submit");
  private static final Set<String> FLINK_SERVICES = Set.of("jobmanager", "taskmanager");

  private static MavenBuild build;
  private static Path docker;
  private static String composeText;
  private static JsonNode services;
  private static JsonNode compose;
  private static Map<String, String> settings;

  @BeforeAll
  static void readFiles() throws IOException {
    build = MavenBuild.ofRepository();
    docker = build.root().resolve("docker");
    composeText = Files.readString(docker.resolve("compose.yaml"));
    compose = new ObjectMapper(new YAMLFactory()).readTree(composeText);
    services = compose.path("services");
    settings = new LinkedHashMap<>();
    for (String line : Files.readAllLines(docker.resolve(".env"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
  }

  @Test
  void theSetHasTheStoreTheClusterTheApiAndTheSubmission() {
    assertThat(names(services))
        .containsExactlyInAnyOrder("postgres", "jobmanager", "taskmanager", "api", "submit");
    assertThat(services.path("taskmanager").path("deploy").path("replicas").asText())
        .isEqualTo("${TASKMANAGER_REPLICAS}");
    assertThat(Integer.parseInt(settings.get("TASKMANAGER_REPLICAS"))).isGreaterThanOrEqualTo(2);
  }

  @Test
  void everyVariableOfTheComposeFileHasItsDefaultInDotEnvAndEverySettingIsUsed() {
    Set<String> used = new TreeSet<>();
    Matcher variable = VARIABLE.matcher(composeText.replace("$$", ""));
    while (variable.find()) {
      used.add(variable.group(1));
    }
    assertThat(settings.keySet()).containsExactlyInAnyOrderElementsOf(used);
    assertThat(settings.values()).allSatisfy(value -> assertThat(value).isNotBlank());
  }

  @Test
  void theImagesAreTaggedWithTheBuildsVersions() throws IOException {
    assertThat(settings.get("TRIBUTARY_VERSION")).isEqualTo(build.projectVersion());
    String java = build.property("maven.compiler.release");
    // The official Flink image of the Flink version the jobs are built against, on the same Java.
    assertThat(Dockerfile.read(docker.resolve("flink.Dockerfile")).baseImage())
        .isEqualTo("flink:" + build.property("flink.version") + "-java" + java);
    assertThat(Dockerfile.read(docker.resolve("Dockerfile")).baseImage())
        .isEqualTo("eclipse-temurin:" + java + "-jre");
    for (String service : names(services)) {
      String image = interpolate(services.path(service).path("image").asText());
      assertThat(image)
          .as(service)
          .matches("[\\w.-]+:[\\w.-]*\\d[\\w.-]*")
          .doesNotContain("latest");
    }
    assertThat(interpolate(services.path("jobmanager").path("image").asText()))
        .isEqualTo("tributary-flink:" + build.projectVersion());
    assertThat(interpolate(services.path("api").path("image").asText()))
        .isEqualTo(interpolate(services.path("submit").path("image").asText()))
        .isEqualTo("tributary:" + build.projectVersion());
  }

  @Test
  void theTributaryImageHoldsTheJarsTheBuildMakes() throws IOException {
    Dockerfile image = Dockerfile.read(docker.resolve("Dockerfile"));
    Path cliJar = build.moduleJar("cli");
    Path jobsJar = build.shadedJar("jobs");
    assertThat(image.copies().keySet()).containsExactlyInAnyOrder(unix(cliJar), unix(jobsJar));
    // The build context is the repository root: only these jars may go in.
    List<String> ignore =
        Files.readAllLines(docker.resolve("Dockerfile.dockerignore")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    assertThat(ignore).containsExactlyInAnyOrder("*", "!" + unix(cliJar), "!" + unix(jobsJar));
    // The submit command finds the job jar where the image puts it.
    assertThat(image.env()).containsEntry("TRIBUTARY_JOBS_JAR", image.copies().get(unix(jobsJar)));
    // The jar the compose set runs is what `mvn package` builds (when it has run).
    for (Path jar : List.of(cliJar, jobsJar)) {
      Path built = build.root().resolve(jar);
      if (Files.exists(built)) {
        assertThat(Files.size(built)).as(jar.toString()).isGreaterThan(1_000_000);
      }
    }
  }

  @Test
  void buildContextsDockerfilesAndMountedFoldersExist() {
    Set<String> namedVolumes = names(compose.path("volumes"));
    for (String service : names(services)) {
      JsonNode definition = services.path(service);
      JsonNode buildSpec = definition.path("build");
      if (!buildSpec.isMissingNode()) {
        Path context = docker.resolve(buildSpec.path("context").asText()).normalize();
        assertThat(context).as(service).isDirectory();
        assertThat(context.resolve(buildSpec.path("dockerfile").asText()))
            .as(service)
            .isRegularFile();
      }
      for (JsonNode volume : definition.path("volumes")) {
        String source = interpolate(volume.asText()).split(":")[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          assertThat(docker.resolve(source).normalize()).as(service + " mounts").isDirectory();
        } else {
          assertThat(namedVolumes).as(service + " mounts").contains(source);
        }
      }
      for (String dependency : names(definition.path("depends_on"))) {
        assertThat(names(services)).as(service + " depends on").contains(dependency);
      }
    }
  }

  @Test
  void longRunningServicesHaveHealthchecksAndPublishOnLoopbackOnly() {
    for (String service : names(services)) {
      JsonNode definition = services.path(service);
      if (service.equals("submit")) {
        // It stays to keep the stream up; a failure of its own is restarted, its end (the
        // stream canceled or stopped) is not.
        assertThat(definition.path("restart").asText()).isEqualTo("on-failure");
        continue;
      }
      assertThat(definition.path("healthcheck").path("test").isArray()).as(service).isTrue();
      for (JsonNode port : definition.path("ports")) {
        assertThat(port.asText()).as(service).startsWith("127.0.0.1:");
      }
    }
    // The submission waits for a healthy cluster, store and API.
    JsonNode dependsOn = services.path("submit").path("depends_on");
    for (String dependency : List.of("postgres", "jobmanager", "taskmanager", "api")) {
      assertThat(dependsOn.path(dependency).path("condition").asText())
          .isEqualTo("service_healthy");
    }
  }

  @Test
  void servicesReachEachOtherWhereTheyListen() {
    JsonNode api = services.path("api");
    List<String> serve = strings(api.path("command"));
    String apiPort = serve.get(serve.indexOf("--port") + 1);
    assertThat(containerPorts(api)).containsExactly(apiPort);
    // Healthy once the store answers too, which the submission relies on; no token needed.
    assertThat(healthcheckUrl(api)).isEqualTo("http://localhost:" + apiPort + HealthResource.READY);

    JsonNode jobmanager = services.path("jobmanager");
    assertThat(containerPorts(jobmanager)).containsExactly("8081");
    assertThat(healthcheckUrl(jobmanager)).startsWith("http://localhost:8081/");
    assertThat(jobmanager.path("environment").path("FLINK_PROPERTIES").asText())
        .doesNotContain("rest.port");
    assertThat(services.path("submit").path("environment").path("TRIBUTARY_FLINK_URL").asText())
        .isEqualTo("http://jobmanager:8081");

    String store =
        "jdbc:postgresql://postgres:5432/"
            + settings.get("POSTGRES_DB")
            + "?user="
            + settings.get("POSTGRES_USER")
            + "&password="
            + settings.get("POSTGRES_PASSWORD");
    assertThat(interpolate(api.path("environment").path("TRIBUTARY_STORE").asText()))
        .isEqualTo(store);
    List<String> submit = strings(services.path("submit").path("command"));
    assertThat(interpolate(submit.get(submit.indexOf("--store") + 1))).isEqualTo(store);
  }

  @Test
  void theTributaryCommandLinesAreValidAndTheJobClassExists() throws Exception {
    for (String service : TRIBUTARY_SERVICES) {
      List<String> args = new ArrayList<>();
      services.path(service).path("command").forEach(arg -> args.add(interpolate(arg.asText())));
      assertThatCode(
              () -> new CommandLine(new TributaryCommand()).parseArgs(args.toArray(String[]::new)))
          .as(service + ": tributary " + args)
          .doesNotThrowAnyException();
    }
    List<String> submit = new ArrayList<>();
    services.path("submit").path("command").forEach(arg -> submit.add(arg.asText()));
    String jobClass = submit.get(submit.indexOf("--class") + 1);
    Method main = Class.forName(jobClass).getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    // The job's own flag parser takes the arguments after `--`.
    String[] jobArgs =
        submit.subList(submit.indexOf("--") + 1, submit.size()).stream()
            .map(DockerComposeFilesTest::interpolate)
            .toArray(String[]::new);
    JobSettings job = JobArguments.parse(jobArgs, true);
    assertThat(job.source()).isInstanceOf(QuerySourceSpec.Files.class);
    assertThat(((QuerySourceSpec.Files) job.source()).paths())
        .containsExactly(volumeTarget(services.path("taskmanager"), "${QUERY_LOG_DIR}"));
    assertThat(job.checkpointInterval())
        .isEqualTo(TimeUtils.parseDuration(settings.get("CHECKPOINT_INTERVAL")));
  }

  @Test
  void theSubmissionWaitsForEveryTaskManagerAndResubmitsFromTheNewestRetainedCheckpoint() {
    List<String> submit = strings(services.path("submit").path("command"));
    assertThat(interpolate(submit.get(submit.indexOf("--taskmanagers") + 1)))
        .isEqualTo(settings.get("TASKMANAGER_REPLICAS"));
    assertThat(submit.subList(0, submit.indexOf("--"))).contains("--keep-running");
    // It reads the checkpoints at the path the cluster writes and names them by.
    String checkpoints = submit.get(submit.indexOf("--resume-newest") + 1);
    String flinkProperties =
        services.path("jobmanager").path("environment").path("FLINK_PROPERTIES").asText();
    assertThat(flinkProperties)
        .contains("execution.checkpointing.dir: file://" + checkpoints + "\n")
        .contains(
            "execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION");
    assertThat(volumeTarget(services.path("submit"), "checkpoints")).isEqualTo(checkpoints);
    assertThat(volumeTarget(services.path("jobmanager"), "checkpoints")).isEqualTo(checkpoints);
  }

  @Test
  void everyVariableGivenToTheTributaryImageIsReadByIt() throws IOException {
    Dockerfile image = Dockerfile.read(docker.resolve("Dockerfile"));
    Set<String> given = new TreeSet<>(image.env().keySet());
    for (String service : TRIBUTARY_SERVICES) {
      given.addAll(names(services.path(service).path("environment")));
    }
    String entrypoint = String.join(" ", image.all("ENTRYPOINT"));
    String code = TributaryClassConstants.read();
    for (String name : given) {
      // Read by the entrypoint, or by the code: System.getenv("NAME") or a ${env:NAME} default.
      assertThat(entrypoint.contains("$" + name) || code.contains(name))
          .as(name + " is read by the image's entrypoint or the tributary code")
          .isTrue();
    }
    assertThat(code).doesNotContain("TRIBUTARY_NOT_A_SETTING");
  }

  @Test
  void theFlinkServicesShareImageVolumesAndKnownFlinkSettings() {
    JsonNode jobmanager = services.path("jobmanager");
    JsonNode taskmanager = services.path("taskmanager");
    for (String field : List.of("image", "build", "volumes", "environment")) {
      assertThat(taskmanager.path(field)).as(field).isEqualTo(jobmanager.path(field));
    }
    Map<String, String> properties =
        yamlLines(interpolate(jobmanager.path("environment").path("FLINK_PROPERTIES").asText()));
    assertThat(FlinkConfigKeys.all()).containsAll(properties.keySet());
    assertThat(properties)
        .containsEntry("jobmanager.rpc.address", "jobmanager")
        .containsEntry("taskmanager.numberOfTaskSlots", settings.get("TASKMANAGER_SLOTS"));
    assertThat(properties.get("execution.checkpointing.dir"))
        .isEqualTo("file://" + volumeTarget(jobmanager, "checkpoints"));
    for (String service : FLINK_SERVICES) {
      assertThat(services.path(service).path("command").asText()).isEqualTo(service);
    }
  }

  @Test
  void theSettingsOfBinFlinkClusterAreFlinkSettings() throws IOException {
    String script = Files.readString(build.root().resolve("bin/flink-cluster"));
    String start = "defaults=\"$(cat <<EOF\n";
    String config =
        script.substring(script.indexOf(start) + start.length(), script.indexOf("\nEOF\n"));
    Map<String, String> properties = yamlLines(config);
    assertThat(properties).containsKeys("rest.bind-address", "jobmanager.bind-host");
    assertThat(FlinkConfigKeys.all()).hasSizeGreaterThan(300).doesNotContain("rest.bind-adress");
    assertThat(FlinkConfigKeys.all()).containsAll(properties.keySet());
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(element -> strings.add(element.asText()));
    return strings;
  }

  /** The container side of a service's published ports. */
  private static List<String> containerPorts(JsonNode service) {
    return strings(service.path("ports")).stream()
        .map(port -> port.substring(port.lastIndexOf(':') + 1))
        .toList();
  }

  private static String healthcheckUrl(JsonNode service) {
    return strings(service.path("healthcheck").path("test")).stream()
        .flatMap(part -> Stream.of(part.split("\\s+")))
        .filter(part -> part.startsWith("http://"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no URL in the healthcheck of " + service));
  }

  /** Where a service mounts a named volume. */
  private static String volumeTarget(JsonNode service, String volume) {
    for (JsonNode mount : service.path("volumes")) {
      String[] parts = mount.asText().split(":");
      if (parts[0].equals(volume)) {
        return parts[1];
      }
    }
    throw new AssertionError("no volume " + volume);
  }

  /** "key: value" lines (the flat form Flink's config.yaml and FLINK_PROPERTIES take). */
  private static Map<String, String> yamlLines(String text) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(
            Collectors.toMap(
                line -> line.substring(0, line.indexOf(':')),
                line -> line.substring(line.indexOf(':') + 1).strip(),
                (a, b) -> b,
                LinkedHashMap::new));
  }

  /** Compose's interpolation with the defaults of .env. */
  private static String interpolate(String text) {
    Matcher variable = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (variable.find()) {
      String value = settings.get(variable.group(1));
      assertThat(value).as("${" + variable.group(1) + "}").isNotNull();
      variable.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    variable.appendTail(out);
    return out.toString();
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(names::add);
    } else if (node.isArray()) {
      node.forEach(element -> names.add(element.asText()));
    }
    return names;
  }

  private static String unix(Path path) {
    return path.toString().replace('\\', '/');
  }
}
