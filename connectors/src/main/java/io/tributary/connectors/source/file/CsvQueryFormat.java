package io.tributary.connectors.source.file;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tributary.connectors.source.QueryRecord;
import io.tributary.connectors.source.QueryRecordFields;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV query log with a header row naming the fields of {@link QueryRecordFields} (any
 * case). Quoted fields may hold commas, doubled quotes and line breaks, as multi-line SQL needs.
 */
public final class CsvQueryFormat extends SimpleStreamFormat<QueryRecord> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CsvQueryFormat.class);
  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

  @Override
  public Reader<QueryRecord> createReader(Configuration config, FSDataInputStream stream)
      throws IOException {
    MappingIterator<Map<String, String>> rows =
        MAPPER
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(new InputStreamReader(stream, StandardCharsets.UTF_8));
    return new Reader<>() {
      private long row;

      @Override
      public QueryRecord read() throws IOException {
        while (rows.hasNextValue()) {
          row++;
          Map<String, String> raw = rows.nextValue();
          Map<String, String> fields = new HashMap<>(raw.size() * 2);
          raw.forEach(
              (k, v) -> {
                if (v != null && !v.isEmpty()) {
                  fields.put(k.trim().toLowerCase(Locale.ROOT), v);
                }
              });
          try {
            Optional<QueryRecord> record = QueryRecordFields.toRecord(fields, null);
            if (record.isPresent()) {
              return record.get();
            }
          } catch (IllegalArgumentException e) {
            LOG.warn("query log row {} skipped: {}", row, e.getMessage());
          }
        }
        return null;
      }

      @Override
      public void close() throws IOException {
        rows.close();
      }
    };
  }

  @Override
  public TypeInformation<QueryRecord> getProducedType() {
    return TypeInformation.of(QueryRecord.class);
  }
}
