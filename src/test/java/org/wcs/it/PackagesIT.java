package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two packages {@code mvn package} leaves under target/ (issue 17): the npm tarball installs with {@code npm
 * install <file>} and has its files where its package.json says; the WebJar's files are served from the classpath
 * by a Jetty server the way a Java web application serves WebJars.
 */
class PackagesIT {
    private static final String VERSION = System.getProperty("wcs.version");

    @Test
    void theNpmTarballInstallsIntoAnEmptyDirectoryWithItsFilesWherePackageJsonSays(@TempDir Path dir)
            throws Exception {
        Path tarball = Path.of("target", "webchatservice-" + VERSION + ".tgz").toAbsolutePath();
        assertTrue(Files.exists(tarball), tarball + " is built by mvn package");
        // when a site installs the file into an empty project
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--ignore-scripts",
                "--loglevel=error", tarball.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(npm.waitFor(120, TimeUnit.SECONDS), "npm install did not finish");
        assertEquals(0, npm.exitValue(), log);
        // then the package is there, with the POM's version and the files its package.json names
        Path installed = dir.resolve("node_modules/webchatservice");
        JsonNode json = new ObjectMapper().readTree(installed.resolve("package.json").toFile());
        assertEquals("webchatservice", json.get("name").asText());
        assertEquals(VERSION, json.get("version").asText());
        Path main = installed.resolve(json.get("main").asText());
        assertArrayEquals(Files.readAllBytes(Path.of("plugins/webchatservice.min.js")), Files.readAllBytes(main));
        assertTrue(Files.exists(installed.resolve(json.get("types").asText())), json.get("types").asText());
        for (JsonNode f : json.get("files")) {
            assertTrue(Files.exists(installed.resolve(f.asText())), f.asText() + " is in the package");
        }
        for (String build : List.of("cxbus.min.js", "gms/webchatservice.min.js",
                "pureengage-v3-rest/webchatservice.standalone.min.js")) {
            assertTrue(Files.exists(installed.resolve("plugins").resolve(build)), build);
            assertTrue(Files.exists(installed.resolve("plugins").resolve(build + ".map")), build + ".map");
        }
        // and Node resolves the package name to the plugin, as a bundler would
        Process node = new ProcessBuilder("node", "-p", "require.resolve('webchatservice')")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String resolved = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(30, TimeUnit.SECONDS));
        assertEquals(main.toRealPath().toString(), Path.of(resolved).toRealPath().toString());
    }

    @Test
    void theWebJarIsServedFromTheClasspath() throws Exception {
        Path jar = Path.of("target", "webchatservice-webjar-" + VERSION + ".jar").toAbsolutePath();
        assertTrue(Files.exists(jar), jar + " is built by mvn package");
        try (URLClassLoader classpath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // given a web server whose /webjars/ comes from META-INF/resources/webjars on its classpath
            URL webjars = classpath.getResource("META-INF/resources/webjars/");
            assertNotNull(webjars, "META-INF/resources/webjars/ is in the jar");
            assertEquals("jar", webjars.getProtocol());
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            ResourceHandler files = new ResourceHandler();
            files.setBaseResource(ResourceFactory.of(server).newResource(webjars));
            server.setHandler(new ContextHandler(files, "/webjars"));
            server.start();
            try {
                String base = "http://127.0.0.1:" + connector.getLocalPort() + "/webjars/webchatservice/" + VERSION;
                HttpClient http = HttpClient.newHttpClient();
                // when a page asks for the plugin and its map
                for (String build : List.of("webchatservice.min.js", "webchatservice.min.js.map",
                        "gms/webchatservice.min.js", "cxbus.min.js")) {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/" + build)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    // then each is served as built
                    assertEquals(200, r.statusCode(), build);
                    assertArrayEquals(Files.readAllBytes(Path.of("plugins", build)), r.body(), build);
                    if (build.endsWith(".js")) {
                        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                                r.headers().toString());
                    }
                }
                HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/nope.js"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, missing.statusCode());
            } finally {
                server.stop();
            }
        }
    }

    static {
        assertNotNull(VERSION, "wcs.version is set by failsafe (pom.xml)");
        assertTrue(new File("pom.xml").exists(), "run from the project directory");
    }
}
