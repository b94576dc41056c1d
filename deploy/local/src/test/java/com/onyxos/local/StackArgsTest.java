package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackArgsTest {

    private final Path root = Path.of("/repo");

    @Test
    void noArgumentsStartTheStackOnTheReadmePortsWithDataInDotLocal() {
        StackArgs args = StackArgs.parse(new String[0], root);

        assertThat(args.command()).isEqualTo("start");
        assertThat(args.config().ports()).isEqualTo(Ports.defaults());
        assertThat(args.config().dataDir()).isEqualTo(Path.of("/repo/.local"));
        assertThat(args.config().fresh()).isFalse();
        assertThat(args.config().demo()).isTrue();
    }

    @Test
    void optionsChangeTheConfig() {
        StackArgs args = StackArgs.parse(
                new String[] {
                    "--fresh",
                    "--no-demo",
                    "--port-offset",
                    "1000",
                    "--set",
                    "simulator.world.agencies=3",
                    "--data-dir",
                    "/tmp/x"
                },
                root);

        assertThat(args.config().fresh()).isTrue();
        assertThat(args.config().demo()).isFalse();
        assertThat(args.config().ports()).isEqualTo(Ports.defaults().shifted(1000));
        assertThat(args.config().ports().console()).isEqualTo(9080);
        assertThat(args.config().get("simulator.world.agencies")).isEqualTo("3");
        assertThat(args.config().dataDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void commandsTakeTheirArguments() {
        StackArgs token = StackArgs.parse(new String[] {"token", "member"}, root);

        assertThat(token.command()).isEqualTo("token");
        assertThat(token.arguments()).containsExactly("member");
        assertThat(StackArgs.parse(new String[] {"demo"}, root).command()).isEqualTo("demo");
        assertThat(StackArgs.parse(new String[] {"--help"}, root).command()).isEqualTo("help");
    }

    @Test
    void badArgumentsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> StackArgs.parse(new String[] {"--bogus"}, root))
                .hasMessage("Unknown option --bogus");
        assertThatThrownBy(() -> StackArgs.parse(new String[] {"--set", "no.such.key=1"}, root))
                .hasMessageContaining("No setting no.such.key");
        assertThatThrownBy(() -> StackArgs.parse(new String[] {"--set", "novalue"}, root))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> StackArgs.parse(new String[] {"--port-offset"}, root))
                .hasMessageContaining("needs a value");
    }

    @Test
    void withoutLeavesServicesOutAndTakesOnlyServicesOfTheStack() {
        StackArgs args =
                StackArgs.parse(new String[] {"--without", "vault-sync-service", "--without", "stats-service"}, root);

        assertThat(args.config().without()).containsExactlyInAnyOrder("vault-sync-service", "stats-service");
        assertThat(StackArgs.parse(new String[0], root).config().without()).isEmpty();
        assertThatThrownBy(() -> StackArgs.parse(new String[] {"--without", "postgres"}, root))
                .hasMessageContaining("--without takes one of auth-service, vault-sync-service, stats-service");
    }

    @Test
    void theJvmOptionsSplitOnWhitespace() {
        StackConfig config = StackConfig.defaults(root).with("jvm.options", "  -Xmx1g   -XX:+UseSerialGC ");

        assertThat(config.jvmOptions()).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
    }
}
