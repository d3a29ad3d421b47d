package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Random and mutated rows, through the whole application: the JSON endpoint and the file import never answer a 5xx,
 * never store part of what they refuse, and accept exactly what an independent model of the contract accepts
 * ({@link FeedContractModel}). Tries are kept moderate so the suite stays fast.
 */
class FeedRulesPropertyTest {

    private static ConfigurableApplicationContext application;
    private static int port;
    private static JdbcTemplate db;

    @BeforeContainer
    static void start() throws IOException {
        String directory = Files.createTempDirectory("footprint-properties-db").toString();
        // command-line arguments: they take precedence over application.yml (default properties would not)
        application = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + directory,
                "--footprint.import.spool-directory=" + directory + "-spool", "--footprint.demo-data.enabled=false",
                "--footprint.embedded-db.durable=false", "--footprint.month-close.scheduled=false");
        port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
        db = application.getBean(JdbcTemplate.class);
    }

    @AfterContainer
    static void stop() {
        application.close();
    }

    /** One record: its ten fields as text, possibly mutated; null fields are absent (JSON) or empty (CSV). */
    @Provide
    Arbitrary<List<List<String>>> batches() {
        // mostly valid records (a line keeps its subscriber and type, most of the time), then mutations
        Arbitrary<String> bytes = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(0, 10_000_000_000_000L).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("10000000000001", "007", "-1", "1.5", "")));
        Arbitrary<List<String>> record = Combinators.combine(
                Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 19),
                Arbitraries.integers().between(-3, 800).map(d -> LocalDate.now().minusDays(d).toString()),
                bytes, bytes, Arbitraries.frequency(Tuple.of(6, ""), Tuple.of(6, "false"), Tuple.of(4, "true"),
                        Tuple.of(1, "TRUE"))
        ).as((id, sub, line, draw, date, down, up, estimated) -> {
            // draw: 0 flips the line's type; 1-3 no technology; 4 the other type's technology; 5 an unknown one
            String type = (line % 2 == 0) == (draw != 0) ? "MOBILE" : "FIXED";
            List<String> technologies = type.equals("MOBILE") ? List.of("2G", "3G", "4G", "5G")
                    : List.of("FTTH", "XDSL", "CABLE");
            String technology = draw <= 3 ? "" : draw == 4 ? (type.equals("MOBILE") ? "FTTH" : "4G")
                    : draw == 5 ? "6G" : technologies.get(draw % technologies.size());
            int subscriber = draw == 6 ? sub : line % 3;
            return new ArrayList<>(List.of("ID-" + id, "SUB-" + subscriber, "LINE-" + line, type, technology, date,
                    down, up, estimated, ""));
        });
        Arbitrary<List<String>> mutated = Combinators.combine(record, Arbitraries.integers().between(0, 9),
                Arbitraries.of("", "\u0000", "\"", ",", "\t", "é", "\uD800", "\u0085", " ", "x".repeat(70), "Z-1",
                        "=1+2", "9"), Arbitraries.integers().between(0, 3))
                .as((fields, column, text, how) -> {
                    List<String> copy = new ArrayList<>(fields);
                    switch (how) {
                        case 0 -> copy.set(column, text);
                        case 1 -> copy.set(column, copy.get(column) + text);
                        case 2 -> copy.set(column, text + copy.get(column));
                        default -> copy.set(column, null);
                    }
                    return copy;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, record), Tuple.of(2, mutated))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 30)
    void the_json_endpoint_accepts_what_the_contract_accepts_and_stores_nothing_else(
            @ForAll("batches") List<List<String>> batch) {
        String prefix = "P" + UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> records = batch.stream().map(f -> prefixed(f, prefix)).toList();

        ApiClient.Response response = new ApiClient(port, "feed", "feed").postJson("/api/v1/usage/records",
                json(records));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        List<Integer> expected = new FeedContractModel().acceptedOf(records);
        Set<Integer> rejected = new HashSet<>();
        report.get("rejected").forEach(r -> rejected.add(r.get("index").asInt()));
        assertThat(report.get("accepted").asInt() + report.get("duplicates").asInt() + rejected.size())
                .isEqualTo(records.size());
        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(expected.size());
        Statistics.label("records accepted").collect(expected.isEmpty() ? "none" : expected.size() == records.size()
                ? "all" : "some");
        assertThat(storedIds(prefix)).as(report.toString())
                .isEqualTo(expected.stream().map(i -> records.get(i).get(0)).collect(java.util.stream.Collectors.toSet()));
    }

    @Property(tries = 15)
    void a_file_import_accepts_what_the_contract_accepts_row_by_row_whatever_the_bytes(
            @ForAll("batches") List<List<String>> batch, @ForAll("lineMutations") List<Integer> rawMutations)
            throws Exception {
        String prefix = "Q" + UUID.randomUUID().toString().substring(0, 8);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            byte[] line = csvLine(prefixed(batch.get(i), prefix));
            int mutation = i < rawMutations.size() ? rawMutations.get(i) : -1;
            lines.add(mutation < 0 ? line : withRawByte(line, mutation));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(FileImportClient.HEADER.getBytes(StandardCharsets.UTF_8));
        lines.forEach(line -> {
            file.writeBytes(line);
            file.write('\n');
        });

        JsonNode status = new FileImportClient(port).importAndWait(file.toByteArray(), "text/csv");

        List<List<String>> rows = lines.stream().map(FeedContractModel::csvFields).toList();
        FeedContractModel model = new FeedContractModel();
        // rows with replaces are stored after the others (README): the model decides them in that order too
        List<Integer> plain = IntStream.range(0, rows.size())
                .filter(i -> rows.get(i) == null || rows.get(i).get(9).isEmpty()).boxed().toList();
        List<Integer> replacing = IntStream.range(0, rows.size()).filter(i -> !plain.contains(i)).boxed().toList();
        Set<String> expected = new HashSet<>();
        model.acceptedOf(plain.stream().map(rows::get).toList())
                .forEach(i -> expected.add(rows.get(plain.get(i)).get(0)));
        model.acceptedOf(replacing.stream().map(rows::get).toList())
                .forEach(i -> expected.add(rows.get(replacing.get(i)).get(0)));

        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.get("rowsRead").asLong()).isEqualTo(lines.size());
        assertThat(status.get("accepted").asLong() + status.get("duplicates").asLong()
                + status.get("rejected").asLong()).isEqualTo(lines.size());
        assertThat(storedIds(prefix)).as(status.toString()).isEqualTo(expected);
        Statistics.label("rows accepted").collect(expected.isEmpty() ? "none" : expected.size() == lines.size()
                ? "all" : "some");
    }

    /** For the first lines: -1 (none) or a position at which a raw byte (invalid UTF-8, a NUL, a CR) is written. */
    @Provide
    Arbitrary<List<Integer>> lineMutations() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, 60))).list().ofMinSize(1).ofMaxSize(10);
    }

    private static byte[] withRawByte(byte[] line, int position) {
        byte[] raw = {(byte) 0xFF, 0, (byte) 0xC0, '\r', (byte) 0xED};
        byte[] mutated = line.clone();
        if (mutated.length > 0) {
            mutated[position % mutated.length] = raw[position % raw.length];
        }
        return mutated;
    }

    private static List<String> prefixed(List<String> fields, String prefix) {
        List<String> copy = new ArrayList<>(fields);
        for (int column = 0; column < 3; column++) {
            if (copy.get(column) != null) {
                copy.set(column, prefix + copy.get(column));
            }
        }
        return copy;
    }

    private static Set<String> storedIds(String prefix) {
        return new HashSet<>(db.queryForList("SELECT record_id FROM usage_record WHERE record_id LIKE ?",
                String.class, prefix + "%"));
    }

    /** A CSV line of the fields: quoted when needed (RFC 4180); a null field is empty. */
    private static byte[] csvLine(List<String> fields) {
        List<String> cells = new ArrayList<>();
        for (String field : fields) {
            String value = field == null ? "" : field;
            cells.add(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(",", cells).getBytes(StandardCharsets.UTF_8);
    }

    /** The batch as JSON text, every non-ASCII character escaped (so a lone surrogate travels as sent). */
    private static String json(List<List<String>> records) {
        String[] names = {"recordId", "subscriberId", "lineId", "lineType", "technology", "usageDate", "bytesDown",
                "bytesUp", "estimated", "replaces"};
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int r = 0; r < records.size(); r++) {
            body.append(r == 0 ? "{" : ",{");
            boolean first = true;
            for (int f = 0; f < names.length; f++) {
                String value = records.get(r).get(f);
                if (value == null) {
                    continue;
                }
                body.append(first ? "" : ",").append('"').append(names[f]).append("\":");
                first = false;
                // a bytes field that is a plain number goes as a JSON number, as the mediation system sends it
                if ((f == 6 || f == 7) && value.matches("[1-9][0-9]{0,15}|0")) {
                    body.append(value);
                    continue;
                }
                body.append('"');
                for (char c : value.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        body.append('\\').append(c);
                    } else if (c < 0x20 || c > 0x7E) {
                        body.append(String.format("\\u%04x", (int) c));
                    } else {
                        body.append(c);
                    }
                }
                body.append('"');
            }
            body.append('}');
        }
        return body.append("]}").toString();
    }
}
