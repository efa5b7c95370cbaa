package se.samverkan.neo4j;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import sun.misc.Signal;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1, for development and tests.
 *
 * <p>Contract with the parent process: stdout carries exactly one line, {@code NEO4J_READY
 * bolt://127.0.0.1:PORT}, once the database answers queries; all logging goes to files under
 * {@code <data-dir>/logs/}. Bad options: one line on stderr, exit 2. Failed start: one line on
 * stderr, exit 1. SIGTERM, SIGINT or end of stdin: clean shutdown, exit 0.
 */
public final class Launcher {

    private static final String LOCALHOST = "127.0.0.1";
    /** A shutdown that takes longer than this is cut short (exit 1) so that nothing hangs forever. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    // The real stdout/stderr; System.out and System.err are pointed at a log file (see redirectStrays).
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    // The shutdown hook and the main thread both go through LOCK, so a stop request that arrives
    // while Neo4j is still starting waits for start-up to finish and then shuts it down cleanly.
    private static final Object LOCK = new Object();
    private static DatabaseManagementService service; // guarded by LOCK
    private static volatile boolean stopping;

    private Launcher() {}

    public static void main(String[] args) {
        // First thing, so that a stop request at any point ends in a clean shutdown with exit 0.
        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::stop, "neo4j-launcher-stop"));
        onSignalExit("TERM");
        onSignalExit("INT");

        Options options;
        try {
            options = Options.parse(args, System.getenv(), defaultPluginsDir());
        } catch (Options.BadOption e) {
            ERR.println("neo4j-launcher: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            redirectStrays(options.dataDir().resolve("logs"));
        } catch (IOException | RuntimeException e) {
            die("cannot create " + options.dataDir() + ": " + oneLine(e));
        }

        if (options.watchStdin()) {
            watchStdin();
        }

        int port;
        try {
            port = start(options);
        } catch (Throwable e) {
            if (stopping) {
                return; // we were asked to stop while starting; the shutdown hook finishes the job
            }
            e.printStackTrace(); // goes to logs/launcher.log
            die("Neo4j failed to start: " + oneLine(e));
            return;
        }
        if (stopping) {
            return;
        }
        OUT.println("NEO4J_READY bolt://" + LOCALHOST + ":" + port);
        OUT.flush();

        // Neo4j's threads do the work from here on; only a stop request (System.exit) ends the JVM.
        while (true) {
            LockSupport.park();
        }
    }

    /** Builds and starts the DBMS; returns the Bolt port once the default database answers. */
    private static int start(Options o) throws Exception {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(o.dataDir())
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(LOCALHOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOCALHOST, o.boltPort()))
                .setConfig(GraphDatabaseSettings.auth_enabled, o.authEnabled())
                .setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(o.pageCache()))
                // Neo4j registers procedures only from jars in the plugins directory; the same jars
                // are on the class path too, as in a server install (APOC needs both).
                .setConfig(GraphDatabaseSettings.plugin_dir, o.pluginsDir())
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*", "gds.*"))
                // No usage reports to neo4j.com from developer machines and CI.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's Netty event loops otherwise idle 5 s each (10 s in all) before they stop, which
                // makes every shutdown take over 10 s. All connections are closed by then anyway.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);

        synchronized (LOCK) {
            if (stopping) {
                return -1;
            }
            service = builder.build();
        }

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) {
            throw new IllegalStateException("database '" + db.databaseName() + "' did not become available");
        }
        if (o.authEnabled()) {
            setPassword(o.password());
        }
        db.executeTransactionally("RETURN 1");

        return ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
    }

    /**
     * Makes the configured password the neo4j user's password, with no change required at first login.
     * Done on every start, so changing NEO4J_PASSWORD takes effect on an existing data directory.
     */
    private static void setPassword(String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has; that is fine here.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    /** Shutdown hook: runs once, whatever asked for the stop (signal, end of stdin, System.exit). */
    private static void stop() {
        stopping = true;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            ERR.println("neo4j-launcher: shutdown took more than " + STOP_TIMEOUT.toSeconds() + "s, giving up");
            Runtime.getRuntime().halt(1);
        }, "neo4j-launcher-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        synchronized (LOCK) {
            if (service != null) {
                try {
                    service.shutdown();
                } catch (Throwable e) {
                    e.printStackTrace();
                    ERR.println("neo4j-launcher: shutdown failed: " + oneLine(e));
                    Runtime.getRuntime().halt(1); // System.exit would deadlock inside a shutdown hook
                }
                service = null;
            }
        }
        watchdog.interrupt();
    }

    /**
     * The JVM's default for SIGTERM/SIGINT is exit status 143/130; a clean stop should report 0. Each
     * signal is handled on a fresh thread, so a second signal during shutdown just blocks in
     * System.exit (which runs the hook only once) and never stalls the first.
     */
    private static void onSignalExit(String name) {
        try {
            Signal.handle(new Signal(name), signal -> System.exit(0));
        } catch (IllegalArgumentException e) {
            // The signal is ignored (e.g. SIGINT for a background job of a non-interactive shell) or
            // reserved (java -Xrs); keep the JVM's default behaviour then.
        }
    }

    /**
     * Stops when stdin reaches end of file. A parent that starts us with a pipe on stdin thereby takes
     * us down with it when it dies, however it dies (even SIGKILL), without any pid bookkeeping.
     */
    private static void watchStdin() {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[1024];
            try {
                while (System.in.read(buffer) >= 0) {
                    // discard whatever the parent writes
                }
            } catch (IOException e) {
                // a broken stdin counts as closed
            }
            System.exit(0);
        }, "neo4j-launcher-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Points System.out and System.err at logs/launcher.log, so that a library printing to the console
     * (or a console log appender) can never add a line to the stdout protocol or spam the terminal.
     */
    private static void redirectStrays(Path logs) throws IOException {
        Files.createDirectories(logs);
        PrintStream strays = new PrintStream(
                new FileOutputStream(logs.resolve("launcher.log").toFile(), true), true, UTF_8);
        System.setOut(strays);
        System.setErr(strays);
    }

    /** plugins/ next to the launcher jar (target/plugins when run from the build). */
    private static Path defaultPluginsDir() {
        try {
            Path codeSource = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.getParent().resolve("plugins");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("plugins");
        }
    }

    private static void die(String message) {
        ERR.println("neo4j-launcher: " + message);
        ERR.flush();
        System.exit(1); // runs the shutdown hook, which stops Neo4j if it got as far as starting
    }

    /** The innermost cause's message on one line: Neo4j wraps start-up errors several layers deep. */
    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
