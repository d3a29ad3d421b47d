package org.footprintledger.footprint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.footprintledger.footprint.api.FactorSetPublishedEvent;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementIssuedEvent;

/**
 * Reads the events stored by the releases whose serializer used Jackson's default typing: it wrapped every value of a
 * non-final declared type (the events' lists) as {@code ["java.util.SomeList", [...]]}. The wrapper is dropped, at
 * any depth, and the event takes the revision written since. Works on the JSON alone, so it holds whatever the
 * event classes become; the revisions it upcasts are those each event had when the serializer stopped typing.
 */
final class DefaultTypingUpcaster extends SingleEventUpcaster {

    /** Per stored payload type: the revisions written with default typing, and the first one written without. */
    private record Revisions(Set<String> typed, String untyped) {
    }

    private static final Map<String, Revisions> TYPED = Map.of(
            LineUsageAccruedEvent.class.getName(), new Revisions(Set.of("1", "2"), "3"),
            StatementIssuedEvent.class.getName(), new Revisions(Set.of("1"), "2"),
            StatementCorrectedEvent.class.getName(), new Revisions(Set.of("1"), "2"),
            FactorSetPublishedEvent.class.getName(), new Revisions(Set.of("1"), "2"));

    /** A binary class name as Jackson wrote it: package, then a capitalised simple name (nested with a $). */
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z_][a-zA-Z0-9_]*\\.)+[A-Z][a-zA-Z0-9_$]*");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        Revisions revisions = TYPED.get(event.getType().getName());
        return revisions != null && (event.getType().getRevision() == null
                || revisions.typed().contains(event.getType().getRevision()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String type = event.getType().getName();
        return event.upcastPayload(new SimpleSerializedType(type, TYPED.get(type).untyped()), JsonNode.class,
                DefaultTypingUpcaster::untyped);
    }

    /** The same JSON without default typing's wrappers. */
    static JsonNode untyped(JsonNode node) {
        if (node.isArray()) {
            if (node.size() == 2 && node.get(0).isTextual() && CLASS_NAME.matcher(node.get(0).asText()).matches()) {
                return untyped(node.get(1));
            }
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(untyped(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), untyped(field.getValue())));
            return copy;
        }
        return node;
    }
}
