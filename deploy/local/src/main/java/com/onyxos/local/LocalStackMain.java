package com.onyxos.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code ./run-local}: starts the stack (and stops it on Ctrl-C), runs the demo story, or prints a token. */
public final class LocalStackMain {

    /** Flyway logs through java.util.logging here; held so the level sticks. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.flywaydb");

    private LocalStackMain() {}

    public static void main(String[] args) throws Exception {
        // Libraries' progress lines (Flyway, zonky) would drown the launcher's own: warnings only.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        QUIET.setLevel(java.util.logging.Level.WARNING);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path root =
                Path.of(System.getProperty("onyx.root", ".")).toAbsolutePath().normalize();
        StackArgs parsed;
        try {
            parsed = StackArgs.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + StackArgs.USAGE);
            System.exit(2);
            return;
        }
        try {
            switch (parsed.command()) {
                case "help" -> out.print(StackArgs.USAGE);
                case "token" -> out.println(token(parsed));
                case "env" -> out.println(env(parsed));
                case "demo" -> DemoStory.run(parsed.config(), out::println);
                default -> run(parsed.config(), out);
            }
        } catch (PortCheck.PortTakenException | IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (ChildProcess.StartFailedException | StackApi.UnexpectedAnswer e) {
            System.err.println("✗ " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException | Error e) {
            // The stack stopped what it had started; exit even if a library left a thread behind.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(StackConfig config, PrintStream out) throws InterruptedException {
        out.println("Starting the OnyxOS local stack (data in " + config.dataDir() + ") ...");
        LocalStack stack = LocalStack.start(config, out::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println(
                                    "\nStopping the local stack (the first stop after a build also writes the services'"
                                            + " class-data archives, which makes the next start faster) ...");
                            stack.close();
                            out.println("Stopped: every process of the stack has exited.");
                            stopped.countDown();
                        },
                        "local-stack-stop"));
        out.print(Banner.text(stack, new DemoUsers(config).token(stack.issuer(), "admin")));
        while (stopped.getCount() > 0) {
            if (stack.children().stream().anyMatch(child -> !child.isAlive())) {
                out.println("A process of the stack exited: stopping the rest.");
                System.exit(1);
            }
            Thread.sleep(1000);
        }
    }

    private static String token(StackArgs parsed) {
        String role =
                parsed.arguments().isEmpty() ? "admin" : parsed.arguments().get(0);
        return new DemoUsers(parsed.config()).token(existingIssuer(parsed.config()), role);
    }

    private static String env(StackArgs parsed) {
        if (parsed.arguments().isEmpty()) {
            throw new IllegalArgumentException("env needs a service: ./run-local env vault-sync-service");
        }
        StackConfig config = parsed.config();
        String serviceToken = new DemoUsers(config).token(existingIssuer(config), "service");
        return DevModeEnv.exports(
                DevModeEnv.of(parsed.arguments().get(0), config, LocalSecrets.open(config.dataDir()), serviceToken));
    }

    private static LocalIssuer existingIssuer(StackConfig config) {
        if (!Files.exists(config.dataDir().resolve(LocalIssuer.KEY_FILE))) {
            throw new IllegalStateException("No issuer key in " + config.dataDir() + " yet: start ./run-local first");
        }
        return LocalIssuer.open(config.issuerUrl(), config.dataDir(), Clock.systemUTC());
    }
}
