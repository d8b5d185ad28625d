package io.cleanwire.events.kafka;

import io.cleanwire.events.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for any Cleanwire event, through {@link EventJson}. */
public class EventSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object event) {
    return event == null ? null : EventJson.write(event);
  }
}
