package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Customers see the tips they found useful first: (yes + 1) / (yes + no + 2), highest first. */
class TipRankingTest extends PortalIntegrationTest {

    private final ContentFixtures fixtures = new ContentFixtures(this);

    @Test
    void a_tip_rated_useful_climbs_above_one_rated_useless() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // fixed lines above 9 000 Go a month: only this test's subscribers get these two tips
        long first = publishedTip("rank-a-" + tag);
        long second = publishedTip("rank-b-" + tag);
        String reader = ContentFixtures.newSubscriber("rk");
        String voter = ContentFixtures.newSubscriber("rv");
        fixtures.usage(reader, 1_000_000, 9_500_000_000_000L);
        fixtures.usage(voter, 1_000_000, 9_500_000_000_000L);
        assertThat(ranked(reader, first, second)).containsExactly(first, second);

        String ratings = "/api/v1/feedback/subscribers/" + voter + "/ratings";
        as(voter, "demo").postJson(ratings, Map.of("target", "TIP", "itemId", first, "useful", false));
        as(voter, "demo").postJson(ratings, Map.of("target", "TIP", "itemId", second, "useful", true));

        assertThat(ranked(reader, first, second)).containsExactly(second, first);
        for (long itemId : new long[] {first, second}) {
            fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "retire"), "");
        }
    }

    private long publishedTip(String key) {
        Map<String, Object> tip = ContentFixtures.tip(key, "Conseil " + key, "FIXED", 9000);
        long itemId = fixtures.editor().postJson("/api/v1/content/tips", tip).json().get("itemId").asLong();
        fixtures.publish(itemId, 1);
        return itemId;
    }

    /** The order in which the reader is shown the two tips on its fixed line. */
    private List<Long> ranked(String reader, long first, long second) {
        JsonNode content = as(reader, "demo").get("/api/v1/content/subscribers/" + reader + "/statements/"
                + ContentFixtures.LAST_MONTH).json();
        List<Long> order = new ArrayList<>();
        for (JsonNode line : content.get("lines")) {
            for (JsonNode tip : line.get("tips")) {
                long id = tip.get("itemId").asLong();
                if (id == first || id == second) {
                    order.add(id);
                }
            }
        }
        return order;
    }
}
