package com.onyxos.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The environment variables a production service cannot run without ({@code onyx.production.*}). Config mappings
 * are read before anything else starts, so a service missing any of them stops at once, naming every one missing —
 * also those that feed optional properties (the OIDC issuer, an OIDC client's id and secret, the Fanvue app), which
 * would otherwise fail later under another name, or never.
 */
@ConfigMapping(prefix = "onyx.production")
public interface ProductionVariables {

    /** Comma-separated names, each of which must be set (Kubernetes: from the Deployment's ConfigMaps and Secrets). */
    @WithConverter(AllSet.class)
    Optional<List<String>> requiredVariables();

    /** Accepts a name only if the environment (or a system property) sets it to something. */
    final class AllSet implements Converter<List<String>> {

        @Override
        public List<String> convert(String value) {
            List<String> names = Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .toList();
            List<String> missing = names.stream().filter(AllSet::unset).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("This service cannot start without " + String.join(", ", missing)
                        + " (environment variables; README, Production)");
            }
            return names;
        }

        private static boolean unset(String name) {
            String value = Optional.ofNullable(System.getenv(name)).orElse(System.getProperty(name));
            return value == null || value.isBlank();
        }
    }
}
