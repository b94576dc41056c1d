package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.PostView;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.Post;
import java.util.Comparator;
import java.util.List;

/** Posts, newest first. */
final class PostEndpoints {
    private PostEndpoints() {}

    static void register(RouteTable table) {
        table.both("/posts", PostEndpoints::posts, "read:post");
    }

    private static Object posts(ApiRequest r) {
        List<Post> posts = r.target().posts().stream()
                .sorted(Comparator.comparing(Post::createdAt).reversed().thenComparing(Post::uuid))
                .toList();
        return Pages.page(posts, r.query(), p -> PostView.of(p, tips(r.target(), p)));
    }

    private static PostView.Tips tips(AccountData account, Post post) {
        List<Earning> tips = account.earnings().stream()
                .filter(e -> e.source().equals("tip") && post.uuid().equals(e.postUuid()))
                .toList();
        return new PostView.Tips(
                (int) tips.stream().filter(e -> e.gross() > 0).count(),
                tips.stream().mapToLong(Earning::gross).sum(),
                tips.stream().mapToLong(Earning::net).sum());
    }
}
