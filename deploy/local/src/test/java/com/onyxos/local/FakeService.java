package com.onyxos.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in service for the launcher's process tests, run as a real child JVM: listens on a port and answers
 * {@code /q/health/ready} 503 until a delay has passed, then 200. Arguments: {@code port readyAfterMs [dependsOnUrl]
 * [ignore-term]}. With {@code dependsOnUrl} it exits with code 3 at start unless that URL already answers 200 (so a
 * test sees whether it was started only after its predecessor was ready); with {@code ignore-term} it survives SIGTERM.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long readyAfter = Long.parseLong(args[1]);
        if (args.length > 2 && args[2].startsWith("http") && !answers200(args[2])) {
            System.out.println("started before my predecessor was ready: " + args[2]);
            System.exit(3);
        }
        boolean ignoreTerm = java.util.Arrays.asList(args).contains("ignore-term");
        if (ignoreTerm) {
            // A shutdown hook that never ends keeps the JVM alive after SIGTERM, like a hung service.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long readyAt = System.currentTimeMillis() + readyAfter;
        AtomicBoolean ready = new AtomicBoolean();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            ready.set(System.currentTimeMillis() >= readyAt);
            exchange.sendResponseHeaders(ready.get() ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
        System.out.println("listening on " + port);
        Thread.currentThread().join();
    }

    private static boolean answers200(String url) {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
