package com.onyxos.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line: a command ({@code start}, the default; {@code demo}; {@code token ROLE}) and options.
 *
 * @param command what to do
 * @param arguments the command's own arguments (the role of {@code token})
 * @param config the stack's settings with the options applied
 */
public record StackArgs(String command, List<String> arguments, StackConfig config) {

    public static final String USAGE = """
            Usage: ./run-local [command] [options]
              (no command)      start the whole stack; Ctrl-C stops it
              demo              run the demo story against the running stack
              token ROLE        print a bearer token: admin, member, ops (demo users) or service
              env SERVICE       print the stack's config of SERVICE as exports, for quarkus:dev in its place
            Options:
              --fresh           wipe .local (database, issuer key, demo state) before starting
              --no-demo         do not prepare the demo agency on first start
              --port-offset N   shift every port by N (8080 -> 8080+N, ...)
              --set KEY=VALUE   override a setting of deploy/local/src/main/resources/local-stack.properties
              --data-dir DIR    keep the stack's data in DIR instead of .local
              --without SERVICE do not start SERVICE (run it with quarkus:dev instead; see ./run-local env)
            """;

    /** Parses {@code args} for a checkout at {@code root}; bad arguments throw {@link IllegalArgumentException}. */
    public static StackArgs parse(String[] args, Path root) {
        StackConfig config = StackConfig.defaults(root);
        String command = "start";
        List<String> arguments = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--fresh" -> config = config.withFresh(true);
                case "--no-demo" -> config = config.withDemo(false);
                case "--port-offset" -> offset = Integer.parseInt(value(args, ++i, arg));
                case "--data-dir" -> config = config.withDataDir(Path.of(value(args, ++i, arg)));
                case "--without" -> {
                    String service = value(args, ++i, arg);
                    if (!LocalStack.SERVICES.contains(service)) {
                        throw new IllegalArgumentException(
                                "--without takes one of " + String.join(", ", LocalStack.SERVICES));
                    }
                    String before = config.get("without");
                    config = config.with("without", before.isBlank() ? service : before + "," + service);
                }
                case "--set" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set takes KEY=VALUE, not " + pair);
                    }
                    String key = pair.substring(0, eq);
                    config.get(key); // refuses unknown keys
                    config = config.with(key, pair.substring(eq + 1));
                }
                case "-h", "--help", "help" -> command = "help";
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                    if ("start".equals(command) && arguments.isEmpty() && isCommand(arg)) {
                        command = arg;
                    } else {
                        arguments.add(arg);
                    }
                }
            }
        }
        if (offset != 0) {
            config = config.withPorts(config.ports().shifted(offset));
        }
        return new StackArgs(command, List.copyOf(arguments), config);
    }

    private static boolean isCommand(String arg) {
        return List.of("start", "demo", "token", "env").contains(arg);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
