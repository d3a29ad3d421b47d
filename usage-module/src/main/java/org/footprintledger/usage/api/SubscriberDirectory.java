package org.footprintledger.usage.api;

/** Which subscribers the feed has made known, i.e. have at least one line. */
public interface SubscriberDirectory {

    boolean isKnown(String subscriberId);

    long count();
}
