package io.cleanwire.events.kafka;

import io.cleanwire.events.EntryNormalizedEvent;

/** Reads {@link EntryNormalizedEvent} values from {@code cleanwire.entry.normalized.v1}. */
public class EntryNormalizedEventDeserializer extends EventDeserializer<EntryNormalizedEvent> {
  public EntryNormalizedEventDeserializer() {
    super(EntryNormalizedEvent.class);
  }
}
