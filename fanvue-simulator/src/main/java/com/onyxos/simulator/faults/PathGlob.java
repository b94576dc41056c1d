package com.onyxos.simulator.faults;

import java.util.regex.Pattern;

/** A glob over concrete request paths: {@code *} matches within one segment, {@code **} across segments. */
public final class PathGlob {
    private final Pattern pattern;

    public PathGlob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }
}
