package io.tributary.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.tributary.api.resources.EdgeProvenanceResource;
import io.tributary.api.resources.ExplorerPage;
import io.tributary.api.resources.GraphResource;
import io.tributary.api.resources.HealthResource;
import io.tributary.api.resources.ManualLineageResource;
import io.tributary.api.resources.OpenApiResource;
import io.tributary.api.resources.OpenLineageResource;
import io.tributary.api.resources.QueryLineageResource;
import io.tributary.api.resources.ResourcesResource;
import io.tributary.api.resources.StoreStatusResource;
import io.tributary.api.service.CatalogCache;
import io.tributary.api.service.EdgeProvenanceService;
import io.tributary.api.service.GraphService;
import io.tributary.api.service.ManualLineageService;
import io.tributary.api.service.OpenLineageService;
import io.tributary.api.service.QueryLineageService;
import io.tributary.api.service.ResourceService;
import io.tributary.api.service.StoreProbe;
import io.tributary.api.service.StoreStatusService;
import io.tributary.api.service.TokenAuthenticator;
import io.tributary.connectors.store.LineageStore;
import io.tributary.sql.AnalyzerLimits;
import io.tributary.sql.LineageAnalyzer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The REST API over a lineage store: Secoda's Lineage endpoints ({@code /lineage/manual}, {@code
 * /lineage/lineage_from_query}), resources, the lineage graph, the store's status, the OpenAPI
 * document, the lineage explorer page at {@code /}, and OpenLineage run events in at {@code POST
 * /api/v1/lineage}. Every API request needs a bearer token made with {@code tributary token
 * create}, except the healthchecks ({@code /health/live}, {@code /health/ready}) and the explorer's
 * static files.
 */
public final class LineageApi implements AutoCloseable {

  private final Javalin app;
  private final CatalogCache catalog;
  private final StoreProbe probe;

  private LineageApi(Javalin app, CatalogCache catalog, StoreProbe probe) {
    this.app = app;
    this.catalog = catalog;
    this.probe = probe;
  }

  /** Starts the API on the configured host and port. */
  public static LineageApi start(LineageStore store, ApiConfig config) {
    ObjectMapper mapper = new ObjectMapper();
    CatalogCache catalog = new CatalogCache(store, config.catalogMaxAge());
    catalog.warm();
    LineageAnalyzer analyzer =
        new LineageAnalyzer(
            new AnalyzerLimits(config.analysisTimeout(), Math.max(1, config.maxSqlChars())));
    var manual =
        new ManualLineageResource(new ManualLineageService(store, config.pageSize()), mapper);
    var queryLineage = new QueryLineageService(store, catalog, analyzer, config.maxSqlChars());
    var fromQuery = new QueryLineageResource(queryLineage, mapper);
    var openLineage = new OpenLineageResource(new OpenLineageService(queryLineage), mapper);
    var resources = new ResourcesResource(new ResourceService(store, config.pageSize()));
    var graph =
        new GraphResource(
            new GraphService(store, config.maxGraphDepth(), config.maxGraphNodes()),
            mapper,
            config.defaultGraphDepth());
    var openApi = new OpenApiResource();
    var edgeProvenance = new EdgeProvenanceResource(new EdgeProvenanceService(store), mapper);
    var storeStatus =
        new StoreStatusResource(
            new StoreStatusService(store, config.pageSize()),
            mapper,
            config.maxGraphDepth(),
            config.maxGraphNodes());
    var explorer = new ExplorerPage();
    StoreProbe probe = new StoreProbe(store.dataSource(), config.storeProbeTimeout());
    var health = new HealthResource(probe);

    // A GET preview carries its SQL in the URL: let the request line hold maxSqlChars encoded.
    int headerBytes = (int) Math.min(4L * 1024 * 1024, 3L * config.maxSqlChars() + 16 * 1024);
    Javalin app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.jsonMapper(new JavalinJackson(mapper, false));
              c.router.ignoreTrailingSlashes = true;
              c.http.maxRequestSize = config.maxBodyBytes();
              c.http.prefer405over404 = true;
              ExplorerPage.configure(c);
              c.jetty.modifyServer(
                  server -> server.setErrorHandler(new JsonErrorHandler(headerBytes)));
              c.jetty.modifyServletContextHandler(
                  handler ->
                      handler.addFilter(
                          new FilterHolder(new BodyLimitFilter(config.maxBodyBytes())),
                          "/*",
                          EnumSet.of(DispatcherType.REQUEST)));
              c.jetty.addConnector(
                  (server, http) -> {
                    ServerConnector connector =
                        new ServerConnector(server, new UnreadableCredentials(http));
                    connector.setHost(config.host());
                    connector.setPort(config.port());
                    return connector;
                  });
              c.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(headerBytes);
                    http.setSendServerVersion(false);
                    // A body that stops short of its Content-Length fails its read this soon.
                    http.setIdleTimeout(config.bodyReadTimeout().toMillis());
                  });
            });
    app.before(
        new BearerTokenCheck(
            new TokenAuthenticator(store.tokens()),
            Set.of(HealthResource.LIVE, HealthResource.READY, ExplorerPage.PATH),
            Set.of(ExplorerPage.ASSETS)));
    app.before(new BodySizeCheck(config.maxBodyBytes()));
    app.beforeMatched(new ParameterEncodingCheck());
    ErrorResponses.register(app);

    get(app, "/lineage/manual", manual::list);
    app.post("/lineage/manual", manual::create);
    get(app, "/lineage/manual/{lineage_id}", manual::get);
    app.delete("/lineage/manual/{lineage_id}", manual::delete);
    get(app, "/lineage/lineage_from_query", fromQuery::preview);
    app.post("/lineage/lineage_from_query", fromQuery::create);
    app.patch("/lineage/lineage_from_query", fromQuery::replace);
    app.post(OpenLineageResource.PATH, openLineage::post);
    get(app, "/lineage/graph", graph::get);
    get(app, "/lineage/column_graph", graph::columns);
    get(app, "/lineage/edges/{lineage_id}/queries", edgeProvenance::get);
    get(app, "/store/stats", storeStatus::stats);
    get(app, "/store/dead_letters", storeStatus::deadLetters);
    get(app, ExplorerPage.PATH, explorer::index);
    get(app, "/resources", resources::list);
    get(app, "/resources/{resource_id}", resources::get);
    get(app, "/resources/{resource_id}/usage", resources::usage);
    get(app, "/openapi.json", openApi::get);
    get(app, HealthResource.LIVE, health::live);
    get(app, HealthResource.READY, health::ready);

    try {
      app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      catalog.close();
      probe.close();
      throw e;
    }
    return new LineageApi(app, catalog, probe);
  }

  /** A GET route, and HEAD on the same path answering as GET would (Jetty drops the body). */
  private static void get(Javalin app, String path, Handler handler) {
    app.get(path, handler);
    app.head(path, handler);
  }

  /** The port the API listens on (useful when started on port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    catalog.close();
    probe.close();
  }
}
