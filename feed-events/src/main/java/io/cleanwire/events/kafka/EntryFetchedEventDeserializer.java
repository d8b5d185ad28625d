package io.cleanwire.events.kafka;

import io.cleanwire.events.EntryFetchedEvent;

/** Reads {@link EntryFetchedEvent} values from {@code cleanwire.entry.fetched.v1}. */
public class EntryFetchedEventDeserializer extends EventDeserializer<EntryFetchedEvent> {
  public EntryFetchedEventDeserializer() {
    super(EntryFetchedEvent.class);
  }
}
