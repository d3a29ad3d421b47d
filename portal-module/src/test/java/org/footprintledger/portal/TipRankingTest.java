package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

        // one vote per subscriber and tip, the latest: insisting changes nothing, changing one's mind does
        for (int i = 0; i < 3; i++) {
            as(voter, "demo").postJson(ratings, Map.of("target", "TIP", "itemId", second, "useful", true));
        }
        assertThat(votes(reader, second)).isEqualTo("1/0");
        as(voter, "demo").postJson(ratings, Map.of("target", "TIP", "itemId", second, "useful", false));
        assertThat(votes(reader, second)).isEqualTo("0/1");
        for (long itemId : new long[] {first, second}) {
            fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "retire"), "");
        }
    }

    private long publishedTip(String key) {
        Map<String, Object> tip = new LinkedHashMap<>(ContentFixtures.tip(key, "Conseil " + key, "FIXED", 9000));
        // a tip on the devices: no figure under the method, so it is shown (a fixed line's volume tip would save 0 g
        // under the flat figure, and such tips are not shown)
        tip.put("savingBasis", "OUTSIDE_METHOD");
        tip.remove("volumeShare");
        long itemId = fixtures.editor().postJson("/api/v1/content/tips", tip).json().get("itemId").asLong();
        fixtures.publish(itemId, 1);
        return itemId;
    }

    /** "yes/no" votes counted for the ranking of a tip, as the reader's content shows them. */
    private String votes(String reader, long itemId) {
        JsonNode content = as(reader, "demo").get("/api/v1/content/subscribers/" + reader + "/statements/"
                + ContentFixtures.LAST_MONTH).json();
        for (JsonNode line : content.get("lines")) {
            for (JsonNode tip : line.get("tips")) {
                if (tip.get("itemId").asLong() == itemId) {
                    return tip.get("yes").asLong() + "/" + tip.get("no").asLong();
                }
            }
        }
        throw new AssertionError("tip " + itemId + " not shown to " + reader);
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
