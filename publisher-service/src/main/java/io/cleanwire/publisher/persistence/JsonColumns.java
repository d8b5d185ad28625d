package io.cleanwire.publisher.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.cleanwire.events.Enclosure;
import io.cleanwire.events.EventJson;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.events.Repair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the list columns of {@link ItemEntity} to and from JSON text, with the events' own
 * mapping so that stored lists read exactly like the event that carried them.
 */
public final class JsonColumns {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Enclosure>> ENCLOSURES = new TypeReference<>() {};
  private static final TypeReference<List<Repair>> REPAIRS = new TypeReference<>() {};
  private static final Map<String, MatchedBy> MATCHED_BY = new HashMap<>();

  static {
    for (MatchedBy reason : MatchedBy.values()) {
      MATCHED_BY.put(matchedByName(reason), reason);
    }
  }

  private JsonColumns() {}

  /** Writes a list as JSON text; null is written as {@code []}. */
  public static String write(List<?> values) {
    try {
      return EventJson.mapper().writeValueAsString(values == null ? List.of() : values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write list column: " + e.getOriginalMessage(), e);
    }
  }

  public static List<String> strings(String json) {
    return read(json, STRINGS);
  }

  public static List<Enclosure> enclosures(String json) {
    return read(json, ENCLOSURES);
  }

  public static List<Repair> repairs(String json) {
    return read(json, REPAIRS);
  }

  /** The wire name of a match reason ({@code url}, {@code near} …), or null. */
  public static String matchedByName(MatchedBy matchedBy) {
    return matchedBy == null ? null : EventJson.mapper().convertValue(matchedBy, String.class);
  }

  /** The match reason of a wire name, or null for null or an unknown name. */
  public static MatchedBy matchedBy(String name) {
    return name == null ? null : MATCHED_BY.get(name);
  }

  private static <T> List<T> read(String json, TypeReference<List<T>> type) {
    // Most lists are empty: no parser for them.
    if (json == null || json.isBlank() || "[]".equals(json)) {
      return List.of();
    }
    try {
      List<T> values = EventJson.mapper().readValue(json, type);
      return values == null ? List.of() : values;
    } catch (JsonProcessingException e) {
      // Written by this service only; a broken value is a bug, shown as an empty list, not a 500.
      return List.of();
    }
  }
}
