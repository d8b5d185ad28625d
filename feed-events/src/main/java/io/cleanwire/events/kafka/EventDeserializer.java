package io.cleanwire.events.kafka;

import io.cleanwire.events.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for one event type; a record that is not valid JSON of that type fails
 * with a {@link SerializationException} naming the topic and the reason.
 */
public abstract class EventDeserializer<T> implements Deserializer<T> {

  private final Class<T> type;

  protected EventDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return EventJson.read(data, type);
    } catch (RuntimeException e) {
      throw new SerializationException("topic=" + topic + " " + e.getMessage(), e);
    }
  }
}
