package org.footprintledger.usage.domain;

import org.footprintledger.vocabulary.LineType;

/** What the line registry knows of a line, for ever once registered: its subscriber and its type. */
public record RegisteredLine(String subscriberId, LineType lineType) {
}
