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

/**
 * The local sandbox: one Jetty server on loopback that serves the demo site ({@code web/}), the built plugin
 * ({@code plugins/}) and the emulated chat back ends. Tests start it on a free port; {@link #main} runs it for people.
 */
public final class Sandbox implements AutoCloseable {
    private final Server server;
    private final List<Handler> routes = new ArrayList<>();
    private WebSocketUpgradeHandler webSockets;
    private final List<Emulator> emulators = new ArrayList<>();

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
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        Sandbox sandbox = new Sandbox(server);
        sandbox.routes.add(new StaticFiles("/plugins/", projectDir.resolve("plugins"), Map.of()));
        mounts.forEach((prefix, dir) -> sandbox.routes.add(new StaticFiles(prefix, dir, Map.of())));
        sandbox.routes.add(new StaticFiles("/", projectDir.resolve("web"), Map.of()));
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, context, container -> { });
        sandbox.webSockets = webSockets;
        context.setHandler(webSockets);
        server.setHandler(context);
        webSockets.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                for (Handler h : sandbox.routes) {
                    if (h.handle(request, response, callback)) {
                        return true;
                    }
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

    /** Adds a handler for emulated back-end endpoints; it is asked before the static files. */
    public void route(Handler handler) {
        routes.add(0, handler);
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
        server.stop();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getProperty("sandbox.port", "8080"));
        try (Sandbox sandbox = start(port, Path.of(System.getProperty("sandbox.dir", ".")))) {
            System.out.println("WebChatService sandbox running. Open:");
            System.out.println("  " + sandbox.url() + "/            demo site");
            System.out.println("  " + sandbox.url() + "/nexus.html  async chat on the Multicloud CX v3 emulator");
            System.out.println("Press Ctrl-C to stop.");
            sandbox.server.join();
        }
    }
}
