package io.tributary.jobs.pipeline;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The key a statement is deduplicated and analyzed under: its fingerprint, its dialect and the
 * session's defaults, since the same text under another default schema reads other tables.
 *
 * <p>Flink assigns a key to a key group from its {@code hashCode()}, so that hash must be the same
 * in every JVM that restores a checkpoint. A record's generated {@code hashCode} is unspecified;
 * this one is written out over the components' {@code String} hashes, which Java specifies.
 *
 * @param database the session's default database, empty when the history has none
 * @param schema the session's default schema, empty when the history has none
 */
public record StatementKey(String fingerprint, String dialect, String database, String schema) {

  /** Flink serializes it as a POJO. */
  public static final TypeInformation<StatementKey> TYPE = TypeInformation.of(StatementKey.class);

  public StatementKey {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(dialect, "dialect");
    database = database == null ? "" : database;
    schema = schema == null ? "" : schema;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fingerprint, dialect, database, schema);
  }
}
