package org.footprintledger.portal.web.feed;

import java.util.ArrayList;
import java.util.List;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.usage.api.UsageRecordSubmission;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the body of {@code POST /api/v1/usage/records} with Jackson's streaming parser straight into submissions,
 * without building a tree of the batch first. It reads exactly what the tree did: every field as text (a scalar as
 * the tree writes it, a container as its JSON, so that the validator reports wrong types like wrong CSV cells), a
 * field missing or null as nothing, an element that is not an object as a record without fields, the last of a key
 * given twice. A body that is not JSON, or not exactly one object with an array {@code "records"}, is read again
 * as a tree, so that it is answered exactly as before (its error says what and where); only such bodies take that
 * second read.
 */
final class UsageRecordsBody {

    private static final UsageRecordSubmission NOT_AN_OBJECT = new UsageRecordSubmission(null, null, null, null,
            null, null, null, null, null, null);

    private final ObjectMapper json;

    UsageRecordsBody(ObjectMapper json) {
        this.json = json;
    }

    /** The submissions of the body {@code {"records":[…]}}, in order. */
    List<UsageRecordSubmission> read(byte[] body) {
        List<UsageRecordSubmission> records = streamed(body);
        return records != null ? records : asTheTreeReadsIt(body);
    }

    /** The records of a body that is exactly one object with an array {@code "records"}, else null. */
    private List<UsageRecordSubmission> streamed(byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<UsageRecordSubmission> records = recordsOf(parser);
            return records != null && parser.nextToken() == null ? records : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The array of the object's last {@code "records"} key, or null when that key is missing or not an array. */
    private static List<UsageRecordSubmission> recordsOf(JsonParser parser) {
        List<UsageRecordSubmission> records = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (!"records".equals(name)) {
                parser.skipChildren();
            } else if (value == JsonToken.START_ARRAY) {
                records = elementsOf(parser);
            } else {
                parser.skipChildren();
                records = null;
            }
        }
        return records;
    }

    private static List<UsageRecordSubmission> elementsOf(JsonParser parser) {
        List<UsageRecordSubmission> records = new ArrayList<>();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element == JsonToken.START_OBJECT) {
                records.add(recordOf(parser));
            } else {
                parser.skipChildren();
                records.add(NOT_AN_OBJECT);
            }
        }
        return records;
    }

    private static UsageRecordSubmission recordOf(JsonParser parser) {
        String recordId = null;
        String subscriberId = null;
        String lineId = null;
        String lineType = null;
        String technology = null;
        String usageDate = null;
        String bytesDown = null;
        String bytesUp = null;
        String estimated = null;
        String replaces = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            parser.nextToken();
            switch (name) {
                case "recordId" -> recordId = text(parser);
                case "subscriberId" -> subscriberId = text(parser);
                case "lineId" -> lineId = text(parser);
                case "lineType" -> lineType = text(parser);
                case "technology" -> technology = text(parser);
                case "usageDate" -> usageDate = text(parser);
                case "bytesDown" -> bytesDown = text(parser);
                case "bytesUp" -> bytesUp = text(parser);
                case "estimated" -> estimated = text(parser);
                case "replaces" -> replaces = text(parser);
                default -> parser.skipChildren();
            }
        }
        return new UsageRecordSubmission(recordId, subscriberId, lineId, lineType, technology, usageDate, bytesDown,
                bytesUp, estimated, replaces);
    }

    /** The value under the parser as text, as {@link #text(JsonNode)} gives it of the same value in a tree. */
    private static String text(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NULL -> null;
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> Integer.toString(parser.getIntValue());
                case LONG -> Long.toString(parser.getLongValue());
                default -> parser.getBigIntegerValue().toString();
            };
            // decimals and containers, which no valid record holds: as the tree holds them
            default -> text((JsonNode) parser.readValueAsTree());
        };
    }

    /** Scalars as text so that the validator reports wrong types ("1.5", "abc") like wrong CSV cells. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            return value.toString();
        }
        return value.asString();
    }

    /** Reads the body as a tree, as this endpoint did before: its errors, or the submissions it found. */
    private List<UsageRecordSubmission> asTheTreeReadsIt(byte[] body) {
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
        List<UsageRecordSubmission> submissions = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            submissions.add(new UsageRecordSubmission(field(record, "recordId"), field(record, "subscriberId"),
                    field(record, "lineId"), field(record, "lineType"), field(record, "technology"),
                    field(record, "usageDate"), field(record, "bytesDown"), field(record, "bytesUp"),
                    field(record, "estimated"), field(record, "replaces")));
        }
        return submissions;
    }

    private static String field(JsonNode record, String name) {
        return text(record.isObject() ? record.get(name) : null);
    }
}
