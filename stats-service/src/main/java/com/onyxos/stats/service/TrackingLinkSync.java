package com.onyxos.stats.service;

import com.onyxos.common.fanvue.model.TrackingLink;
import com.onyxos.stats.client.CreatorScope;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.LinkRow;
import com.onyxos.stats.repository.TrackingLinkRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A creator's tracking links, every page (cursor and {@code limit}): clicks, acquired subscribers and followers,
 * attributed earnings. A complete answer updates the stored links that changed (a figure it lacks keeps its stored
 * value) and marks those no longer listed; a failed answer, or an empty one where links are listed, keeps them and leaves an anomaly.
 */
@ApplicationScoped
public class TrackingLinkSync {

    static final String STEP = "trackingLinks";

    private final TrackingLinkRows rows;
    private final KeptData kept;
    private final Clock clock;

    public TrackingLinkSync(TrackingLinkRows rows, KeptData kept, Clock clock) {
        this.rows = rows;
        this.kept = kept;
        this.clock = clock;
    }

    public Uni<StepResult> sync(CreatorRef creator, CreatorScope scope, String trigger) {
        String route = scope.route("/tracking-links");
        return Answer.of(route, scope.data().trackingLinks(null, null).collect().asList())
                .chain(answer -> {
                    if (answer.failure() != null) {
                        return kept.kept(creator, trigger, STEP, answer.failed(), null);
                    }
                    List<LinkRow> links;
                    try {
                        links = links(answer.value());
                    } catch (IllegalArgumentException e) {
                        return kept.kept(
                                creator,
                                trigger,
                                STEP,
                                new Reading.Absent(KeptReason.ERROR, null, Failures.describe(e), route),
                                null);
                    }
                    if (!links.isEmpty()) {
                        return write(creator, links);
                    }
                    // An empty listing would mark every listed link as gone: only when none is listed.
                    return rows.listed(creator.id())
                            .chain(listed -> listed == 0
                                    ? write(creator, links)
                                    : kept.kept(
                                            creator,
                                            trigger,
                                            STEP,
                                            new Reading.Absent(
                                                    KeptReason.EMPTY,
                                                    "[]",
                                                    "an empty listing while " + listed + " links are listed",
                                                    route),
                                            Integer.toString(listed)));
                });
    }

    private Uni<StepResult> write(CreatorRef creator, List<LinkRow> links) {
        return rows.write(creator.agencyId(), creator.id(), links, clock.instant())
                .map(done -> StepResult.written(STEP, done.updated() + done.inserted() + done.unlisted()));
    }

    private static List<LinkRow> links(List<TrackingLink> listing) {
        Map<UUID, LinkRow> byUuid = new LinkedHashMap<>();
        for (TrackingLink link : listing) {
            UUID uuid = UUID.fromString(link.uuid());
            TrackingLink.Engagement engagement = link.engagement();
            byUuid.put(
                    uuid,
                    new LinkRow(
                            uuid,
                            link.name(),
                            link.linkUrl(),
                            link.externalSocialPlatform(),
                            link.createdAt(),
                            nonNegative(link.clicks(), "clicks"),
                            engagement == null ? null : count(engagement.acquiredSubscribers(), "acquiredSubscribers"),
                            engagement == null ? null : count(engagement.acquiredFollowers(), "acquiredFollowers"),
                            engagement == null ? null : count(engagement.totalSubscribers(), "totalSubscribers"),
                            engagement == null ? null : count(engagement.totalFollowers(), "totalFollowers"),
                            link.earnings() == null ? null : link.earnings().totalGross(),
                            link.earnings() == null ? null : link.earnings().totalNet()));
        }
        return List.copyOf(byUuid.values());
    }

    private static Long nonNegative(Long value, String name) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException("a link's " + name + " of " + value);
        }
        return value;
    }

    private static Integer count(Long value, String name) {
        return value == null ? null : AudienceSync.count(nonNegative(value, name), name);
    }
}
