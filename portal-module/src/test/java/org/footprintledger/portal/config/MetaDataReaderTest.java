package org.footprintledger.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

class MetaDataReaderTest {

    private final Serializer serializer = AxonConfiguration.jacksonSerializer();

    @Test
    void meta_data_reads_back_as_written_with_its_value_types() {
        MetaData written = MetaData.from(Map.of("traceId", "feed-42", "correlationId", "c-1", "attempt", 3L,
                "replayed", true));

        MetaData read = readBack(written);

        assertThat(read).isEqualTo(written);
        assertThat(read.get("attempt")).isInstanceOf(Long.class);
    }

    @Test
    void the_reader_is_reused_across_messages() {
        for (int i = 0; i < 3; i++) {
            assertThat(readBack(MetaData.with("traceId", "t-" + i))).containsEntry("traceId", "t-" + i);
        }
        assertThat(readBack(MetaData.emptyInstance())).isEmpty();
    }

    private MetaData readBack(MetaData written) {
        SerializedObject<byte[]> stored = serializer.serialize(written, byte[].class);
        return serializer.deserialize(stored);
    }
}
