package com.onyxos.simulator.world.generate;

import java.util.List;

/** Word lists for handles, display names, folder names and texts. */
final class Names {
    static final List<String> FIRST = List.of(
            "luna", "mia", "ava", "zoe", "ivy", "nora", "ella", "ruby", "jade", "skye", "leo", "max", "kai", "finn",
            "noah", "eli", "remy", "jules", "sasha", "robin");
    static final List<String> LAST =
            List.of("rose", "stone", "vale", "frost", "bloom", "reed", "lake", "hart", "wolfe", "sky", "gray", "moon");
    static final List<String> FOLDERS = List.of(
            "Beach",
            "Behind the scenes",
            "Gym",
            "Travel",
            "PPV bundles",
            "Fans & Friends",
            "Archive",
            "Holiday",
            "Outtakes",
            "Requests",
            "Café shoot",
            "Night");
    static final List<String> WORDS = List.of(
            "new",
            "set",
            "shoot",
            "today",
            "special",
            "just",
            "for",
            "you",
            "weekend",
            "sunset",
            "morning",
            "vibes",
            "exclusive",
            "preview",
            "full",
            "video",
            "thanks",
            "love");
    static final List<String> PLATFORMS = List.of("instagram", "tiktok", "twitter", "reddit", "youtube", "other");

    private Names() {}

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String sentence(Dice dice, int words) {
        StringBuilder text = new StringBuilder(capitalized(dice.pick(WORDS)));
        for (int i = 1; i < words; i++) {
            text.append(' ').append(dice.pick(WORDS));
        }
        return text.toString();
    }
}
