package com.onyxos.deploy;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets an operator creates before deploying, as the README's "Secrets" table documents them (Secrets are
 * never committed): each row names a Secret and one of its keys.
 */
final class SecretContract {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*`([a-z0-9-]+)`\\s*\\|");

    private SecretContract() {}

    /** {@code secret/key} for every documented key. */
    static Set<String> documented() {
        String readme = Manifests.read(Path.of("..", "README.md"));
        int start = readme.indexOf("### Secrets");
        if (start < 0) {
            throw new AssertionError("README.md has no \"### Secrets\" section listing the Secrets' keys");
        }
        int end = readme.indexOf("\n#", start + 1);
        Set<String> keys = new LinkedHashSet<>();
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                keys.add(row.group(1) + "/" + row.group(2));
            }
        }
        return keys;
    }
}
