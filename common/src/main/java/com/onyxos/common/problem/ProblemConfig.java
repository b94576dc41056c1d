package com.onyxos.common.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How problem responses are written. */
@ConfigMapping(prefix = "onyx.problems")
public interface ProblemConfig {

    /** Base URI of problem types; the problem's code is appended to it to form {@code type}. */
    @WithDefault("https://onyxos.dev/problems/")
    String typeBase();
}
