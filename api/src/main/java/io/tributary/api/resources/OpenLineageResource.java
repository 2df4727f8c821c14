package io.tributary.api.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.service.OpenLineageRun;
import io.tributary.api.service.OpenLineageService;
import io.tributary.api.service.QueryLineageService.Written;

/**
 * {@code POST /api/v1/lineage}: an OpenLineage run event (the path OpenLineage's HTTP transport
 * posts to). Answers 201 with what it wrote, for every valid event: resources registered, table and
 * column edges.
 */
public final class OpenLineageResource {

  public static final String PATH = "/api/v1/lineage";

  private final OpenLineageService service;
  private final ObjectMapper mapper;

  public OpenLineageResource(OpenLineageService service, ObjectMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  public void post(Context ctx) {
    OpenLineageRun run = RunEventReader.read(Params.body(ctx, mapper));
    Written written = service.accept(run);
    ObjectNode node = mapper.createObjectNode();
    node.put("event_type", run.eventType());
    node.put("run_id", run.runId().toString());
    ObjectNode job = node.putObject("job");
    job.put("namespace", run.jobNamespace());
    job.put("name", run.jobName());
    node.put("lineage_written", run.carriesLineage());
    node.put("resources_registered", written.resources());
    node.put("table_edges", written.tableEdges());
    node.put("column_edges", written.columnEdges());
    // Marquez answers 201 to every event it records, ABORT and FAIL included; so do we.
    ctx.status(201).json(node);
  }
}
