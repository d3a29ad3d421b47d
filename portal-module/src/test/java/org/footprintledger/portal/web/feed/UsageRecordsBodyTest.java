package org.footprintledger.portal.web.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The streaming read of the JSON batch answers every body as the tree read it did before, errors included. */
class UsageRecordsBodyTest {

    private final ObjectMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"records\":[]}",
            "{\"records\":[{\"recordId\":\"r1\",\"subscriberId\":\"s\",\"lineId\":\"l\",\"lineType\":\"MOBILE\","
                    + "\"technology\":\"4G\",\"usageDate\":\"2025-01-01\",\"bytesDown\":1,\"bytesUp\":2,"
                    + "\"estimated\":true,\"replaces\":\"r0\"}]}",
            // wrong types, as the validator must see them
            "{\"records\":[{\"recordId\":7,\"bytesDown\":1.5,\"bytesUp\":\"12\",\"estimated\":\"yes\","
                    + "\"lineId\":{\"a\":[1,2]},\"lineType\":[\"MOBILE\"],\"usageDate\":null,\"technology\":false}]}",
            "{\"records\":[{\"bytesDown\":-0,\"bytesUp\":123456789012345678901234567890,\"recordId\":-12}]}",
            "{\"records\":[{\"bytesDown\":1e3,\"bytesUp\":1E-2,\"recordId\":2147483648}]}",
            "{\"records\":[\"not an object\", 5, null, [1, {\"recordId\":\"x\"}], {}]}",
            // unknown fields, a key given twice, "records" given twice
            "{\"before\":{\"records\":[1]},\"records\":[{\"recordId\":\"a\",\"recordId\":\"b\",\"x\":[{}]}],\"after\":1}",
            "{\"records\":[{\"recordId\":\"a\"}],\"records\":5}",
            "{\"records\":5,\"records\":[{\"recordId\":\"a\"}]}",
            "{\"records\":[{\"recordId\":\"caf\\u00e9 \\\"quoted\\\"\"}]}",
            // not the expected shape
            "[1, 2]", "{\"records\":{}}", "{}", "5", "null", "\"records\"", "", "   ",
            // not JSON, or something after the object
            "{\"records\": [\n {\"recordId\": }", "{\"records\":[]", "{\"records\":[]} x", "{\"records\":[]} {}",
            "{\"records\":[]}]", "{records:[]}", "{\"records\":[{\"recordId\":\"a\"},]}"
    })
    void answers_as_the_tree_read(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Object expected = answer(() -> treeRead(bytes));
        Object actual = answer(() -> new UsageRecordsBody(json).read(bytes));

        assertThat(actual).isEqualTo(expected);
    }

    /** The submissions, or the error's message and position. */
    private static Object answer(java.util.function.Supplier<List<UsageRecordSubmission>> read) {
        try {
            return read.get();
        } catch (BadRequestException e) {
            return List.of(e.getMessage(), String.valueOf(e.line()), String.valueOf(e.column()));
        }
    }

    /** The endpoint's read before the streaming one: a tree, then each record's fields. */
    private List<UsageRecordSubmission> treeRead(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw BadRequestException.unparseable(e);
        }
        JsonNode records = root == null ? null : root.get("records");
        if (records == null || !records.isArray()) {
            throw new BadRequestException("the body must be an object with an array \"records\"", null, null);
        }
        List<UsageRecordSubmission> submissions = new ArrayList<>();
        for (JsonNode record : records) {
            submissions.add(new UsageRecordSubmission(text(record, "recordId"), text(record, "subscriberId"),
                    text(record, "lineId"), text(record, "lineType"), text(record, "technology"),
                    text(record, "usageDate"), text(record, "bytesDown"), text(record, "bytesUp"),
                    text(record, "estimated"), text(record, "replaces")));
        }
        return submissions;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.isObject() ? record.get(field) : null;
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            return value.toString();
        }
        return value.asString();
    }
}
