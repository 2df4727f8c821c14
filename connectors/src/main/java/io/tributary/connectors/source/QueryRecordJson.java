package io.tributary.connectors.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one executed statement written as a JSON object with the fields of {@link
 * QueryRecordFields}: a line of a JSON Lines query log, or a Kafka record's value. Field names are
 * matched ignoring case; nested values are kept as their JSON text.
 */
public final class QueryRecordJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private QueryRecordJson() {}

  /** What reading one JSON text gave: a record, or why there is none. */
  public sealed interface Result {
    /** The record, when there is one. */
    default Optional<QueryRecord> record() {
      return this instanceof Read read ? Optional.of(read.value()) : Optional.empty();
    }
  }

  /** The text held a usable statement. */
  public record Read(QueryRecord value) implements Result {}

  /** The text cannot be used: not a JSON object, no SQL, or an unreadable start time. */
  public record Unreadable(String reason) implements Result {}

  /** The record the JSON text holds, or why it holds none. */
  public static Result parse(String text) {
    return parse(text, null);
  }

  /**
   * The record the JSON text holds, or why it holds none.
   *
   * @param fallbackId the query id when the object has none (null: none)
   */
  public static Result parse(String text, String fallbackId) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return new Unreadable("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return new Unreadable("not a JSON object");
    }
    Map<String, String> fields = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (!value.isNull()) {
        fields.put(
            field.getKey().toLowerCase(Locale.ROOT),
            value.isValueNode() ? value.asText() : value.toString());
      }
    }
    try {
      return QueryRecordFields.toRecord(fields, fallbackId)
          .<Result>map(Read::new)
          .orElseGet(() -> new Unreadable("no SQL text (sql or query_text)"));
    } catch (IllegalArgumentException e) {
      return new Unreadable(e.getMessage());
    }
  }
}
