package io.tributary.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** What the Maven build of the repository says: versions, and where it puts the jars it builds. */
final class MavenBuild {
  private final Path root;
  private final Document parent;

  private MavenBuild(Path root) {
    this.root = root;
    this.parent = read(root.resolve("pom.xml"));
  }

  /** The build of the repository that holds the module a test runs in. */
  static MavenBuild ofRepository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isRegularFile(dir.resolve("pom.xml"))
            && Files.isRegularFile(dir.resolve("bin/tributary")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
    return new MavenBuild(dir);
  }

  Path root() {
    return root;
  }

  String projectVersion() {
    return text(parent, "/project/version").orElseThrow();
  }

  /** A property of the parent pom, such as {@code flink.version}. */
  String property(String name) {
    return text(parent, "/project/properties/" + name)
        .orElseThrow(() -> new IllegalArgumentException("the parent pom has no property " + name))
        .strip();
  }

  /** The main jar a module builds: {@code <module>/target/<finalName>.jar}. */
  Path moduleJar(String module) {
    Document pom = read(root.resolve(module).resolve("pom.xml"));
    String artifactId = text(pom, "/project/artifactId").orElseThrow();
    String finalName =
        text(pom, "/project/build/finalName").orElse(artifactId + "-" + projectVersion());
    return Path.of(module, "target", finalName + ".jar");
  }

  /** The jar of a module's shade execution with its own finalName, such as the job jar. */
  Path shadedJar(String module) {
    Document pom = read(root.resolve(module).resolve("pom.xml"));
    String finalName =
        text(
                pom,
                "/project/build/plugins/plugin[artifactId='maven-shade-plugin']"
                    + "//configuration/finalName")
            .orElseThrow(() -> new IllegalStateException(module + " has no shaded jar"));
    return Path.of(module, "target", finalName + ".jar");
  }

  private static Optional<String> text(Document pom, String xpath) {
    try {
      Node node =
          (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.NODE);
      return Optional.ofNullable(node).map(Node::getTextContent);
    } catch (javax.xml.xpath.XPathExpressionException e) {
      throw new IllegalArgumentException(xpath, e);
    }
  }

  private static Document read(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    } catch (IOException
        | javax.xml.parsers.ParserConfigurationException
        | org.xml.sax.SAXException e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }
}
