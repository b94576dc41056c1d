package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Folder;
import com.onyxos.simulator.world.Media;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Vault folders and media. The first media cover every media type and status, one has no name and one sits in two
 * folders, so every world small or large shows each case.
 */
final class VaultGenerator {
    static final List<String> TYPES = List.of("image", "video", "audio", "document");
    private static final List<String> PREFIX = List.of("IMG_", "VID_", "AUD_", "DOC_");
    private static final List<String> EXTENSION = List.of(".jpg", ".mp4", ".mp3", ".pdf");
    private static final List<String> RARE_STATUSES = List.of("created", "processing", "error");

    private final SimulatorSettings settings;
    private final Dice dice;

    VaultGenerator(SimulatorSettings settings, Dice dice) {
        this.settings = settings;
        this.dice = dice;
    }

    void fill(AccountData account) {
        Instant now = settings.now();
        int folders = settings.foldersPerCreator();
        for (int i = 0; i < folders; i++) {
            boolean undated = i == folders - 1 || dice.chance(0.1);
            Instant createdAt = undated ? null : dice.instant(now.minus(Duration.ofDays(400)), now);
            account.folders().add(new Folder(folderName(i), createdAt));
        }
        for (int j = 0; j < settings.mediaPerCreator(); j++) {
            Media media = media(j, now);
            account.media().put(media.uuid(), media);
            file(account, media.uuid(), j);
        }
    }

    static String folderName(int index) {
        String base = Names.FOLDERS.get(index % Names.FOLDERS.size());
        int round = index / Names.FOLDERS.size();
        return round == 0 ? base : base + " " + (round + 1);
    }

    private Media media(int index, Instant now) {
        int type = index < TYPES.size() ? index : weightedType();
        String status = index >= 4 && index < 7 ? RARE_STATUSES.get(index - 4) : ordinaryStatus();
        String name = index == 7 || dice.chance(0.08)
                ? null
                : PREFIX.get(type) + String.format("%04d", index + 1) + EXTENSION.get(type);
        return new Media(
                dice.uuid(),
                status,
                dice.instant(now.minus(Duration.ofDays(2L * settings.days())), now),
                dice.chance(0.6) ? Names.sentence(dice, dice.between(2, 6)) : null,
                dice.chance(0.3) ? Names.sentence(dice, dice.between(4, 10)) : null,
                name,
                TYPES.get(type),
                dice.chance(0.4) ? dice.price() : null,
                dice.sample(Names.WORDS, dice.between(0, 3)));
    }

    private int weightedType() {
        int roll = dice.between(1, 100);
        return roll <= 55 ? 0 : roll <= 85 ? 1 : roll <= 95 ? 2 : 3;
    }

    private String ordinaryStatus() {
        return dice.chance(0.95) ? "ready" : dice.pick(RARE_STATUSES);
    }

    private void file(AccountData account, String mediaUuid, int index) {
        List<Folder> folders = account.folders();
        if (folders.isEmpty() || (index > 1 && dice.chance(0.1))) {
            return;
        }
        Folder first = dice.pick(folders);
        first.mediaUuids().add(mediaUuid);
        if (folders.size() > 1 && (index == 1 || dice.chance(0.1))) {
            Folder second =
                    folders.get((folders.indexOf(first) + dice.between(1, folders.size() - 1)) % folders.size());
            second.mediaUuids().add(mediaUuid);
        }
    }
}
