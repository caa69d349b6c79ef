package org.wcs.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.wcs.sandbox.gms.GmsEmulator;

/**
 * The local sandbox: one Jetty server on loopback that serves the demo site ({@code web/}), the built plugin
 * ({@code plugins/}) and the emulated chat back ends. Tests start it on a free port; {@link #main} runs it for people.
 * It answers only for the host names and lets only the origins that {@link Access} allows.
 */
public final class Sandbox implements AutoCloseable {
    /** Where {@link #serveWidgets} serves the distribution as it is, with Genesys's own WebChatService. */
    public static final String ORIGINAL_WIDGETS = "/byo-original/";
    /** The distribution again, with a lite build of ours in place of their service: {@code /byo-lite/<folder>/}. */
    public static final String LITE_WIDGETS = "/byo-lite/";
    /** The folders of {@code plugins/} that hold a lite build. */
    public static final List<String> LITE_BUILDS = List.of("gms", "gms-rest", "purecloud-v2-sockets",
            "pureengage-v3-rest", "pureconnect");

    private final Server server;
    private final Access access = new Access(this::port);
    private final List<Handler> routes = new ArrayList<>();
    private WebSocketUpgradeHandler webSockets;
    private final List<Emulator> emulators = new ArrayList<>();
    /** A Genesys Widgets distribution to serve under /byo/, or null. */
    Path widgetsDir;
    private ScriptedAgent agent;

    private Sandbox(Server server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 at {@code port} (0: any free port). */
    public static Sandbox start(int port, Path projectDir) throws Exception {
        return start(port, projectDir, Map.of());
    }

    /** Starts with extra static mounts (URL prefix to directory), e.g. test pages. */
    public static Sandbox start(int port, Path projectDir, Map<String, Path> mounts) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        // The PureConnect chatbots connector's URLs hold an empty segment ("/api/v1/start//api/v1/..."), as the
        // original widget builds them: the emulator must see them as sent.
        connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class).getHttpConfiguration()
                .setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT.with("pureconnect-chatbots",
                        org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        Sandbox sandbox = new Sandbox(server);
        sandbox.routes.add(new SandboxApi(sandbox));
        sandbox.routes.add(new StaticFiles("/plugins/", projectDir.resolve("plugins"), Map.of()));
        mounts.forEach((prefix, dir) -> sandbox.routes.add(new StaticFiles(prefix, dir, Map.of())));
        sandbox.routes.add(new StaticFiles("/", projectDir.resolve("web"), Map.of()));
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, context, container -> { });
        sandbox.webSockets = webSockets;
        context.setHandler(webSockets);
        server.setHandler(new HostGuard(sandbox.access, context));
        webSockets.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                try {
                    for (Handler h : sandbox.routes) {
                        if (h.handle(request, response, callback)) {
                            return true;
                        }
                    }
                } catch (Exchange.TooLarge e) {
                    // A route that has no error of its own for it (uploads answer in their back end's format).
                    Refusals.send(response, callback, 413, Refusals.TOO_LARGE);
                    return true;
                }
                StaticFiles.notFound(response, callback);
                return true;
            }
        });
        server.start();
        for (Emulator e : Emulators.all()) {
            e.install(sandbox);
            sandbox.emulators.add(e);
        }
        return sandbox;
    }

    /**
     * Answers requests for {@code hostName} too (e.g. {@code www.example.com}, mapped to 127.0.0.1 by a hosts file
     * or Chromium's {@code --host-resolver-rules}), and treats its pages on the sandbox's port as the sandbox's own.
     * Loopback names are always allowed. Safe to call while the sandbox runs.
     */
    public void allowHost(String hostName) {
        access.allowHost(hostName);
    }

    /**
     * Lets pages of {@code origin} (e.g. {@code http://shop.test:8000}, a site built against the emulators) read the
     * emulated back ends' answers, with credentials; the sandbox's control API stays closed to them. Safe to call
     * while the sandbox runs.
     */
    public void allowOrigin(String origin) {
        access.allowOrigin(origin);
    }

    /** Adds a handler for emulated back-end endpoints; it is asked before the static files. */
    public void route(Handler handler) {
        routes.add(0, handler);
    }

    /** The back ends' agent sides, for the scripted agent and the console. */
    public List<AgentDesk> desks() {
        List<AgentDesk> out = new ArrayList<>();
        for (Emulator e : emulators) {
            if (e.desk() != null) {
                out.add(e.desk());
            }
        }
        return out;
    }

    /** Lets a scripted agent answer every chat that did not ask for the console. */
    public void startScriptedAgent(AgentScript script) {
        agent = new ScriptedAgent(desks(), script);
    }

    /**
     * Serves a Genesys Widgets distribution under {@code /byo/} with our plugin in place of its
     * {@code plugins/webchatservice.min.js}, and its pages pointed at the emulator their {@code ?backend=} names
     * (GMS REST by default) with the demo's configurations ({@code web/demo/config.js}). The same distribution with
     * its own WebChatService, untouched, is under {@link #ORIGINAL_WIDGETS}, pointed at the emulators the same way:
     * a page picks the service it runs by the prefix it loads the bus and plugins from. Under {@link #LITE_WIDGETS}
     * each back end's lite build stands in for their service.
     */
    public void serveWidgets(Path distribution, Path projectDir) {
        widgetsDir = distribution;
        routes.add(routes.size() - 1, new StaticFiles("/byo/", distribution,
                Map.of("plugins/webchatservice.min.js", projectDir.resolve("plugins/webchatservice.min.js")
                        .toAbsolutePath().normalize()), StaticFiles.BYO_INJECTION));
        routes.add(routes.size() - 1, new StaticFiles(ORIGINAL_WIDGETS, distribution, Map.of(),
                StaticFiles.BYO_INJECTION));
        for (String folder : LITE_BUILDS) {
            routes.add(routes.size() - 1, new StaticFiles(LITE_WIDGETS + folder + "/", distribution,
                    Map.of("plugins/webchatservice.min.js", projectDir.resolve("plugins/" + folder
                            + "/lite/webchatservice.min.js").toAbsolutePath().normalize()), StaticFiles.BYO_INJECTION));
        }
    }

    /** The running emulator of that type, for tests to script and break. */
    public <T extends Emulator> T emulator(Class<T> type) {
        for (Emulator e : emulators) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new IllegalArgumentException("no emulator " + type.getSimpleName());
    }

    /** Accepts WebSocket upgrades on {@code path} (a servlet-style path spec, e.g. "/ws/*"). */
    public void webSocket(String path, WebSocketCreator creator) {
        webSockets.getServerWebSocketContainer().addMapping(path, creator);
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() throws Exception {
        if (agent != null) {
            agent.close();
        }
        server.stop();
        emulators.forEach(Emulator::close);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getProperty("sandbox.port", "8080"));
        Path project = Path.of(System.getProperty("sandbox.dir", ".")).toAbsolutePath().normalize();
        try (Sandbox sandbox = start(port, project)) {
            List<String> hosts = list(System.getProperty("sandbox.hosts"));
            List<String> origins = list(System.getProperty("sandbox.origins"));
            hosts.forEach(sandbox::allowHost);
            origins.forEach(sandbox::allowOrigin);
            sandbox.emulator(GmsEmulator.class).greeting = System.getProperty("sandbox.gms.greeting");
            String script = System.getProperty("sandbox.script");
            sandbox.startScriptedAgent(AgentScript.parse(script == null ? AgentScript.DEFAULT
                    : script.startsWith("@") ? java.nio.file.Files.readString(Path.of(script.substring(1))) : script));
            String widgets = System.getProperty("sandbox.widgets");
            if (widgets != null && !widgets.isEmpty()) {
                sandbox.serveWidgets(Path.of(widgets), project);
            }
            String u = sandbox.url();
            System.out.println();
            System.out.println("WebChatService sandbox is running (Ctrl-C to stop):");
            System.out.println("  " + u + "/                 pick a back end, chat with the demo widget");
            System.out.println("  " + u + "/agent.html       agent console: answer chats as a person");
            System.out.println("  " + u + "/plugins/webchatservice.min.js   the plugin");
            if (sandbox.widgetsDir != null) {
                System.out.println("  " + u + "/byo/index.html?backend=gms|cometd|purecloud|nexus|pureconnect|pureconnectbots"
                        + "   your Genesys"
                        + " Widgets UI on this plugin");
                System.out.println("  " + u + ORIGINAL_WIDGETS + "index.html?backend=...   the same on their own"
                        + " WebChatService");
                System.out.println("  " + u + LITE_WIDGETS + "<" + String.join("|", LITE_BUILDS)
                        + ">/index.html?backend=...   the same on that back end's lite build");
            }
            System.out.println("  emulated back ends: " + String.join(", ", sandbox.desks().stream()
                    .map(AgentDesk::backend).toList()));
            System.out.println("  answers for 127.0.0.1, localhost, [::1]" + (hosts.isEmpty() ? ""
                    : ", " + String.join(", ", hosts)) + (origins.isEmpty() ? ""
                    : "; pages of " + String.join(", ", origins) + " may call the emulators"));
            sandbox.server.join();
        }
    }

    /** The items of a comma-separated system property, trimmed, empty ones left out. */
    private static List<String> list(String property) {
        List<String> out = new ArrayList<>();
        for (String item : property == null ? new String[0] : property.split(",")) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return out;
    }
}
