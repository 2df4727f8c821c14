package io.tributary.jobs.openlineage;

import io.openlineage.client.OpenLineage;
import io.tributary.jobs.pipeline.EdgeEnd;
import io.tributary.jobs.pipeline.StatementRun;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a {@link StatementRun} into an OpenLineage {@code COMPLETE} run event: the job is the
 * statement (namespace: its origin; name: its fingerprint; the SQL job facet holds its text), the
 * run id is derived from both, so a replay sends the same run again rather than a new one; inputs
 * and outputs carry the columns the statement touches (schema facet) and the output the column
 * lineage facet: a direct copy is {@code DIRECT/IDENTITY}, a derived value {@code
 * DIRECT/TRANSFORMATION}, a column that only filters, joins or groups rows {@code INDIRECT}.
 */
public final class RunEvents {

  /** What the events name as their producer. */
  public static final URI PRODUCER = URI.create("urn:tributary:jobs");

  /** The job namespace of statements whose source names no origin. */
  static final String DEFAULT_JOB_NAMESPACE = "tributary";

  private final OpenLineage ol = new OpenLineage(PRODUCER);
  private final OpenLineageOptions options;

  public RunEvents(OpenLineageOptions options) {
    this.options = options;
  }

  /** The run id of a statement: the same for the same statement from the same origin. */
  public static UUID runId(String jobNamespace, String fingerprint) {
    return UUID.nameUUIDFromBytes(
        ("openlineage-run\u0000" + jobNamespace + '\u0000' + fingerprint)
            .getBytes(StandardCharsets.UTF_8));
  }

  public OpenLineage.RunEvent of(StatementRun run) {
    String jobNamespace = run.origin().isEmpty() ? DEFAULT_JOB_NAMESPACE : run.origin();
    String datasets = options.datasetNamespace(run.origin(), run.dialect());
    OpenLineage.Job job =
        ol.newJobBuilder()
            .namespace(jobNamespace)
            .name(run.fingerprint())
            .facets(
                ol.newJobFacetsBuilder()
                    .sql(ol.newSQLJobFacetBuilder().query(run.sql()).dialect(run.dialect()).build())
                    .build())
            .build();

    Map<EdgeEnd, Set<String>> inputColumns = new LinkedHashMap<>();
    run.sources().forEach(t -> inputColumns.put(t.tableEnd(), new LinkedHashSet<>()));
    run.columns()
        .forEach(
            c ->
                inputColumns
                    .computeIfAbsent(c.from().tableEnd(), t -> new LinkedHashSet<>())
                    .add(c.from().column()));
    run.indirect()
        .forEach(
            c ->
                inputColumns
                    .computeIfAbsent(c.tableEnd(), t -> new LinkedHashSet<>())
                    .add(c.column()));
    List<OpenLineage.InputDataset> inputs = new ArrayList<>();
    inputColumns.forEach(
        (table, columns) ->
            inputs.add(
                ol.newInputDatasetBuilder()
                    .namespace(datasets)
                    .name(table.toString())
                    .facets(ol.newDatasetFacetsBuilder().schema(schema(columns)).build())
                    .build()));

    Map<String, List<OpenLineage.InputField>> fields = new LinkedHashMap<>();
    for (StatementRun.ColumnFlow flow : run.columns()) {
      fields
          .computeIfAbsent(flow.to().column(), c -> new ArrayList<>())
          .add(
              inputField(
                  datasets, flow.from(), "DIRECT", flow.derived() ? "TRANSFORMATION" : "IDENTITY"));
    }
    OpenLineage.ColumnLineageDatasetFacetFieldsBuilder lineage =
        ol.newColumnLineageDatasetFacetFieldsBuilder();
    fields.forEach(
        (column, from) ->
            lineage.put(
                column,
                ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                    .inputFields(from)
                    .build()));
    List<OpenLineage.InputField> indirect = new ArrayList<>();
    run.indirect().forEach(c -> indirect.add(inputField(datasets, c, "INDIRECT", null)));
    OpenLineage.OutputDataset output =
        ol.newOutputDatasetBuilder()
            .namespace(datasets)
            .name(run.target().toString())
            .facets(
                ol.newDatasetFacetsBuilder()
                    .schema(schema(fields.keySet()))
                    .columnLineage(
                        ol.newColumnLineageDatasetFacetBuilder()
                            .fields(lineage.build())
                            .dataset(indirect)
                            .build())
                    .build())
            .build();

    return ol.newRunEventBuilder()
        .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
        .eventTime(ZonedDateTime.ofInstant(Instant.ofEpochMilli(run.startMillis()), ZoneOffset.UTC))
        .run(ol.newRunBuilder().runId(runId(jobNamespace, run.fingerprint())).build())
        .job(job)
        .inputs(inputs)
        .outputs(List.of(output))
        .build();
  }

  private OpenLineage.SchemaDatasetFacet schema(Set<String> columns) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    columns.forEach(c -> fields.add(ol.newSchemaDatasetFacetFieldsBuilder().name(c).build()));
    return ol.newSchemaDatasetFacetBuilder().fields(fields).build();
  }

  private OpenLineage.InputField inputField(
      String namespace, EdgeEnd column, String type, String subtype) {
    return ol.newInputFieldBuilder()
        .namespace(namespace)
        .name(column.tableEnd().toString())
        .field(column.column())
        .transformations(
            List.of(ol.newInputFieldTransformationsBuilder().type(type).subtype(subtype).build()))
        .build();
  }
}
