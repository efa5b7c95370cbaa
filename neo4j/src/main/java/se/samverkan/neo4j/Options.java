package se.samverkan.neo4j;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.SettingValueParsers;

/**
 * Launcher options. Each one can be given as {@code --flag value} (or {@code --flag=value}) or as an
 * environment variable; the argument wins, so a wrapper script can set defaults in the environment.
 */
record Options(
        Path dataDir,
        int boltPort,
        boolean authEnabled,
        String password,
        String pageCache,
        Path pluginsDir,
        boolean watchStdin) {

    /** Thrown for a bad command line or environment; the launcher prints the message and exits 2. */
    static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }

    // flag -> environment variable
    private static final Map<String, String> ENV = Map.of(
            "--data-dir", "NEO4J_DATA_DIR",
            "--bolt-port", "NEO4J_BOLT_PORT",
            "--auth", "NEO4J_AUTH_ENABLED",
            "--password", "NEO4J_PASSWORD",
            "--page-cache", "NEO4J_PAGE_CACHE",
            "--plugins-dir", "NEO4J_PLUGINS_DIR",
            "--watch-stdin", "NEO4J_WATCH_STDIN");

    static final String USAGE = "usage: Launcher [--data-dir DIR] [--bolt-port N] [--auth true|false]"
            + " [--password PW] [--page-cache SIZE] [--plugins-dir DIR] [--watch-stdin true|false]";

    static Options parse(String[] args, Map<String, String> env, Path defaultPluginsDir) throws BadOption {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!ENV.containsKey(flag)) {
                throw new BadOption("unknown option '" + flag + "'; " + USAGE);
            }
            if (value == null) {
                throw new BadOption("option " + flag + " needs a value");
            }
            given.put(flag, value);
        }
        // Argument first, then environment (empty counts as unset), then the default.
        java.util.function.BiFunction<String, String, String> get = (flag, dflt) -> {
            if (given.containsKey(flag)) {
                return given.get(flag);
            }
            String fromEnv = env.get(ENV.get(flag));
            return fromEnv == null || fromEnv.isEmpty() ? dflt : fromEnv;
        };

        Path dataDir = Path.of(get.apply("--data-dir", ".data/neo4j")).toAbsolutePath().normalize();

        String portText = get.apply("--bolt-port", "0");
        int boltPort;
        try {
            boltPort = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            boltPort = -1;
        }
        if (boltPort < 0 || boltPort > 65535) {
            throw new BadOption("bad bolt port '" + portText + "' (--bolt-port / NEO4J_BOLT_PORT): want 0-65535");
        }

        boolean auth = bool("--auth", get.apply("--auth", "false"));
        String password = get.apply("--password", "");
        if (auth && password.length() < 8) {
            // Neo4j refuses passwords shorter than dbms.security.auth_minimum_password_length (8).
            throw new BadOption("auth is on but the password (--password / NEO4J_PASSWORD) is "
                    + (password.isEmpty() ? "missing" : "shorter than 8 characters"));
        }

        String pageCache = get.apply("--page-cache", "64m").trim();
        try {
            if (SettingValueParsers.BYTES.parse(pageCache) <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
        } catch (IllegalArgumentException e) {
            throw new BadOption("bad page cache size '" + pageCache
                    + "' (--page-cache / NEO4J_PAGE_CACHE): want e.g. 64m, 512m, 2g");
        }

        Path pluginsDir = Path.of(get.apply("--plugins-dir", defaultPluginsDir.toString()))
                .toAbsolutePath().normalize();
        boolean watchStdin = bool("--watch-stdin", get.apply("--watch-stdin", "true"));

        return new Options(dataDir, boltPort, auth, password, pageCache, pluginsDir, watchStdin);
    }

    private static boolean bool(String flag, String text) throws BadOption {
        return switch (text.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadOption("bad value '" + text + "' for " + flag + " / " + ENV.get(flag)
                    + ": want true or false");
        };
    }
}
