package org.footprintledger.portal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent model of the feed's rules (contract.md and docs/api.md, "Rules the intake enforces"), written from
 * the contract, not from the production validator: what a batch of records, or a file's lines, must have accepted.
 */
final class FeedContractModel {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern ISO_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Map<String, Set<String>> TECHNOLOGIES = Map.of(
            "MOBILE", Set.of("2G", "3G", "4G", "5G"), "FIXED", Set.of("FTTH", "XDSL", "CABLE"));
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_LINE_BYTES = 4096;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    /** record id → its normalised content, for duplicates and conflicts, across the batches of one file */
    private final Map<String, List<Object>> stored = new HashMap<>();
    /** line → subscriber and line type of its first claim */
    private final Map<String, List<String>> lines = new HashMap<>();

    /** The fields of one CSV line as the contract reads it, or null when the line is no row of the feed. */
    static List<String> csvFields(byte[] line) {
        if (line.length > MAX_LINE_BYTES) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int state = 0; // 0: start of field, 1: unquoted, 2: quoted, 3: quote seen inside quoted
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (state == 2) {
                if (c == '"') {
                    state = 3;
                } else {
                    field.append(c);
                }
            } else if (state == 3) {
                if (c == '"') {
                    field.append('"');
                    state = 2;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    state = 0;
                } else {
                    return null;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                state = 0;
            } else if (c == '"') {
                if (state == 1) {
                    return null;
                }
                state = 2;
            } else {
                field.append(c);
                state = 1;
            }
        }
        if (state == 2) {
            return null;
        }
        fields.add(field.toString());
        return fields.size() == 10 ? fields : null;
    }

    /**
     * Decides a batch (its records' fields in order, null for a record that is not even one); answers the indexes of
     * the records accepted. Duplicates and conflicts are decided against everything decided before on this model.
     */
    List<Integer> acceptedOf(List<List<String>> batch) {
        List<Integer> accepted = new ArrayList<>();
        Map<String, List<Object>> inBatch = new HashMap<>();
        List<Integer> unique = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            List<Object> record = batch.get(i) == null ? null : normalised(batch.get(i));
            if (record == null) {
                continue;
            }
            String id = (String) record.get(0);
            if (!inBatch.containsKey(id)) {
                inBatch.put(id, record);
                unique.add(i);
            }
        }
        // the first record (in order) of each line among the batch's distinct valid records claims a new line
        for (int i : unique) {
            List<Object> record = inBatch.get(batch.get(i).get(0));
            lines.putIfAbsent((String) record.get(2), List.of((String) record.get(1), (String) record.get(3)));
        }
        for (int i : unique) {
            List<Object> record = inBatch.get(batch.get(i).get(0));
            String id = (String) record.get(0);
            boolean coherent = lines.get((String) record.get(2))
                    .equals(List.of((String) record.get(1), (String) record.get(3)));
            if (coherent && record.get(9) == null && !stored.containsKey(id)) {
                stored.put(id, record);
                accepted.add(i);
            }
        }
        return accepted;
    }

    /** The record's content as compared for duplicates, or null when a column rule refuses it. */
    private List<Object> normalised(List<String> f) {
        if (!isId(f.get(0)) || !isId(f.get(1)) || !isId(f.get(2)) || f.get(3) == null
                || !TECHNOLOGIES.containsKey(f.get(3))) {
            return null;
        }
        String technology = f.get(4) == null ? "" : f.get(4);
        if (!technology.isEmpty() && !TECHNOLOGIES.get(f.get(3)).contains(technology)) {
            return null;
        }
        LocalDate date;
        if (f.get(5) == null || !ISO_TEXT.matcher(f.get(5)).matches()) {
            return null;
        }
        try {
            date = LocalDate.parse(f.get(5), ISO);
        } catch (RuntimeException e) {
            return null;
        }
        if (date.isAfter(today)) {
            return null;
        }
        Long down = bytes(f.get(6));
        Long up = bytes(f.get(7));
        String estimated = f.get(8) == null ? "" : f.get(8);
        if (down == null || up == null || !Set.of("", "true", "false").contains(estimated)) {
            return null;
        }
        String replaces = f.get(9) == null || f.get(9).isEmpty() ? null : f.get(9);
        if (replaces != null && (!isId(replaces) || replaces.equals(f.get(0)))) {
            return null;
        }
        List<Object> record = new ArrayList<>(List.of(f.get(0), f.get(1), f.get(2), f.get(3), technology, date, down,
                up, "true".equals(estimated)));
        record.add(replaces);
        return record;
    }

    private static boolean isId(String value) {
        return value != null && IDENTIFIER.matcher(value).matches();
    }

    private static Long bytes(String value) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            return null;
        }
        String significant = value.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 14) {
            return null;
        }
        long bytes = Long.parseLong(significant);
        return bytes <= 10_000_000_000_000L ? bytes : null;
    }
}
