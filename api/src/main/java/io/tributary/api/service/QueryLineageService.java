package io.tributary.api.service;

import io.tributary.api.exceptions.BadRequestException;
import io.tributary.api.exceptions.EchoedValue;
import io.tributary.api.exceptions.InvalidSqlException;
import io.tributary.api.exceptions.PayloadTooLargeException;
import io.tributary.api.exceptions.TableNotFoundException;
import io.tributary.connectors.store.DerivedEdge;
import io.tributary.connectors.store.EdgeRow;
import io.tributary.connectors.store.EntityType;
import io.tributary.connectors.store.LineageEdges;
import io.tributary.connectors.store.LineageStore;
import io.tributary.connectors.store.QuerySeen;
import io.tributary.connectors.store.Resource;
import io.tributary.connectors.store.ResourceNames;
import io.tributary.connectors.store.ResourceRow;
import io.tributary.connectors.store.RetirementReason;
import io.tributary.connectors.store.StoreCatalog;
import io.tributary.connectors.store.StoreCatalog.StoredColumn;
import io.tributary.connectors.store.StoreCatalog.StoredTable;
import io.tributary.connectors.store.Timestamps;
import io.tributary.sql.AnalysisRequest;
import io.tributary.sql.LineageAnalyzer;
import io.tributary.sql.QueryFingerprint;
import io.tributary.sql.dialect.Dialect;
import io.tributary.sql.dialect.Dialects;
import io.tributary.sql.dialect.IdentifierCase;
import io.tributary.sql.dialect.UnknownDialectException;
import io.tributary.sql.model.AnalysisError;
import io.tributary.sql.model.ColumnName;
import io.tributary.sql.model.ErrorKind;
import io.tributary.sql.model.StatementLineage;
import io.tributary.sql.model.TableName;
import io.tributary.sql.session.SessionStitcher;
import io.tributary.sql.session.TemporaryTableRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lineage from a query: analyze the SQL, resolve its names to resources through the store catalog,
 * and (unless previewing) write the table and column edges.
 *
 * <p>The target is the {@code table_id} table when given, else each statement's own target. Names
 * the catalog does not know are registered as discovered resources (name-based ids, the same a job
 * computes) so that the lineage is complete; a preview computes the same and stores nothing,
 * listing those names in {@code unresolved} and their ids as new. A replace retires the non-manual
 * upstream edges of the target table and its columns that it does not write, as of its time.
 */
public final class QueryLineageService {

  public enum Mode {
    PREVIEW,
    CREATE,
    REPLACE
  }

  /** The request's parameters, as given (validated here). */
  public record QueryRequest(
      Optional<String> sql,
      Optional<String> dialect,
      Optional<UUID> tableId,
      Optional<String> defaultDatabase,
      Optional<String> defaultSchema) {}

  public record ColumnPair(Resource from, Resource to) {}

  /**
   * What a request reads and writes.
   *
   * @param targetTables every table the request writes, in statement order
   * @param targetTable the table written when there is exactly one, else empty: with several
   *     writing statements {@code columnLineages} holds the pairs into all of them
   * @param newResources in a preview, the ids of the resources a write would register (the store
   *     does not know them yet); empty after a write
   */
  public record Result(
      String sql,
      List<Resource> sourceTables,
      List<ColumnPair> columnLineages,
      Optional<Resource> targetTable,
      List<Resource> targetTables,
      List<String> unresolved,
      Set<UUID> newResources) {}

  private final LineageStore store;
  private final CatalogCache catalog;
  private final LineageAnalyzer analyzer;
  private final int maxSqlChars;

  public QueryLineageService(
      LineageStore store, CatalogCache catalog, LineageAnalyzer analyzer, int maxSqlChars) {
    this.store = store;
    this.catalog = catalog;
    this.analyzer = analyzer;
    this.maxSqlChars = maxSqlChars;
  }

  public Result run(QueryRequest request, Mode mode) {
    String sql = request.sql().filter(s -> !s.isBlank()).orElseThrow(() -> missing("sql"));
    String dialectName =
        request.dialect().filter(s -> !s.isBlank()).orElseThrow(() -> missing("dialect"));
    Dialect dialect;
    try {
      dialect = Dialects.byName(dialectName);
    } catch (UnknownDialectException e) {
      throw new BadRequestException(
          new UnknownDialectException(EchoedValue.of(dialectName), Dialects.names()).getMessage());
    }
    if (sql.length() > maxSqlChars) {
      throw new PayloadTooLargeException(
          "sql has " + sql.length() + " characters; the limit is " + maxSqlChars);
    }
    Optional<Resource> target = request.tableId().map(this::targetTable);

    StoreCatalog catalogNames = catalog.get();
    // A script is one session: its temporary tables are stitched through, not stored.
    List<StatementLineage> statements =
        analyzer.analyze(
            new AnalysisRequest(
                sql,
                dialect,
                request.defaultDatabase(),
                request.defaultSchema(),
                catalogNames.in(dialect.unquotedCase())),
            new SessionStitcher(TemporaryTableRule.defaults()));
    statements.stream().filter(StatementLineage::failed).findFirst().ifPresent(s -> fail(s));

    // A preview resolves as a write would, registering unknown names in memory only, so that it
    // shows the lineage a POST writes, with the ids it would write them under.
    ResourceNames names = new ResourceNames(catalogNames, dialect.unquotedCase(), true);
    Optional<StoredTable> fixedTarget = target.map(this::storedTable);
    Instant now = Timestamps.now();
    Plan plan = new Plan(names, fixedTarget, now, fingerprint(sql, dialect));
    statements.forEach(plan::add);
    List<ResourceRow> newRows = names.newRows();

    if (mode == Mode.CREATE) {
      store.writeRequested(newRows, List.of(), plan.edges.values());
      if (!newRows.isEmpty()) {
        catalog.invalidate();
      }
    } else if (mode == Mode.REPLACE) {
      if (!newRows.isEmpty()) {
        store.resources().upsert(newRows);
        catalog.invalidate();
      }
      // Retires (keeps, as history) the upstream lineage this request does not write; serialized
      // per target in the store, so concurrent replaces never mix their lineage.
      store
          .history()
          .replaceUpstream(
              plan.targets, plan.edges.values(), now, RetirementReason.LINEAGE_FROM_QUERY);
    }

    Set<UUID> wanted = new HashSet<>(plan.sources);
    wanted.addAll(plan.targets);
    plan.pairs
        .values()
        .forEach(
            p -> {
              wanted.add(p.source());
              wanted.add(p.target());
            });
    Map<UUID, Resource> found = new HashMap<>();
    store.resources().findAll(wanted).forEach(res -> found.put(res.id(), res));
    Set<UUID> newResources = new LinkedHashSet<>();
    if (mode == Mode.PREVIEW) {
      for (ResourceRow row : newRows) {
        if (!found.containsKey(row.id())) {
          newResources.add(row.id());
        }
      }
      for (ResourceRow row : newRows) {
        found.computeIfAbsent(row.id(), id -> unsaved(row, found, now));
      }
    }
    List<Resource> sourceTables =
        plan.sources.stream().map(found::get).filter(Objects::nonNull).toList();
    List<ColumnPair> columnPairs = new ArrayList<>();
    for (LineageEdges.Edge p : plan.pairs.values()) {
      Resource from = found.get(p.source());
      Resource to = found.get(p.target());
      if (from != null && to != null) {
        columnPairs.add(new ColumnPair(from, to));
      }
    }
    List<Resource> targetTables =
        target.isPresent()
            ? List.of(target.get())
            : plan.targets.stream().map(found::get).filter(Objects::nonNull).toList();
    Optional<Resource> targetTable =
        targetTables.size() == 1 ? Optional.of(targetTables.get(0)) : Optional.empty();
    return new Result(
        sql,
        sourceTables,
        columnPairs,
        targetTable,
        targetTables,
        names.unresolved(),
        newResources);
  }

  /** A resource a write would register, as the response shows it before it exists. */
  private static Resource unsaved(ResourceRow row, Map<UUID, Resource> known, Instant now) {
    Optional<Resource> table = row.tableId().map(known::get);
    return new Resource(
        row.id(),
        now,
        now,
        row.title(),
        row.entityType(),
        row.type(),
        row.nativeType(),
        row.schemaName(),
        row.databaseName(),
        table.flatMap(Resource::integration),
        row.tableId(),
        table.map(Resource::title),
        true);
  }

  /** A column a dataset declares (an OpenLineage schema facet), with its type when given. */
  public record DeclaredColumn(ColumnName name, Optional<String> nativeType) {}

  /** What a reported lineage wrote: resources registered, table and column edges. */
  public record Written(int resources, int tableEdges, int columnEdges) {}

  /**
   * Writes lineage found outside the analyzer (an OpenLineage run event) by the same rule as a
   * query's: names resolved through the catalog, unknown ones registered as discovered resources,
   * edges written with {@code producedBy} as their query, all in one transaction.
   *
   * @param statements each write: its target, the tables read and the column flows
   * @param columns columns to register even when no flow names them (a schema facet); registered
   *     first, so that a new column gets its declared type
   * @param producedBy the job behind the edges, recorded as their query
   */
  public Written write(
      List<StatementLineage> statements, List<DeclaredColumn> columns, QuerySeen producedBy) {
    // Reported names carry no dialect: they are compared ignoring case.
    ResourceNames names = new ResourceNames(catalog.get(), IdentifierCase.PRESERVE, true);
    Plan plan =
        new Plan(
            names, Optional.empty(), producedBy.lastSeen(), Optional.of(producedBy.fingerprint()));
    for (DeclaredColumn c : columns) {
      c.name()
          .table()
          .flatMap(names::table)
          .ifPresent(t -> names.column(t, c.name().name(), c.nativeType()));
    }
    statements.forEach(plan::add);
    List<ResourceRow> newRows = names.newRows();
    store.writeRequested(newRows, List.of(producedBy), plan.edges.values());
    if (!newRows.isEmpty()) {
      catalog.invalidate();
    }
    int columnEdges = plan.pairs.size();
    return new Written(newRows.size(), plan.edges.size() - columnEdges, columnEdges);
  }

  /**
   * The edges of a request's statements ({@link LineageEdges}, the rule every writer follows),
   * gathered across statements without duplicates.
   */
  private static final class Plan {
    final ResourceNames names;
    final Optional<StoredTable> fixedTarget;
    final Instant now;
    final Optional<String> fingerprint;
    final Set<UUID> targets = new LinkedHashSet<>();
    final Set<UUID> sources = new LinkedHashSet<>();

    /** The column edges, by their two ends: one per pair whatever its kind. */
    final Map<List<UUID>, LineageEdges.Edge> pairs = new LinkedHashMap<>();

    /** The edges to write, by their two ends; a pair both direct and derived is direct. */
    final Map<List<UUID>, DerivedEdge> edges = new LinkedHashMap<>();

    Plan(
        ResourceNames names,
        Optional<StoredTable> fixedTarget,
        Instant now,
        Optional<String> fingerprint) {
      this.names = names;
      this.fixedTarget = fixedTarget;
      this.now = now;
      this.fingerprint = fingerprint;
      fixedTarget.ifPresent(t -> targets.add(t.id()));
    }

    void add(StatementLineage statement) {
      LineageEdges.Resolved resolved = LineageEdges.resolve(statement, fixedTarget, names);
      resolved.target().ifPresent(t -> targets.add(t.id()));
      if (resolved.target().isEmpty()) {
        // A plain SELECT stores nothing; the response still lists the tables it reads.
        statement.sources().forEach(s -> names.known(s).ifPresent(t -> sources.add(t.id())));
      }
      resolved.sources().forEach(t -> sources.add(t.id()));
      resolved.columnEdges().forEach(e -> pairs.putIfAbsent(List.of(e.source(), e.target()), e));
      for (LineageEdges.Edge e : resolved.edges()) {
        edges.merge(
            List.of(e.source(), e.target()),
            new DerivedEdge(e.source(), e.target(), now, fingerprint, e.kind()),
            (held, again) ->
                new DerivedEdge(
                    held.source(),
                    held.target(),
                    now,
                    fingerprint,
                    EdgeRow.merge(held.kind(), again.kind())));
      }
    }
  }

  private Resource targetTable(UUID id) {
    return store
        .resources()
        .find(id)
        .filter(r -> r.entityType() != EntityType.COLUMN)
        .orElseThrow(TableNotFoundException::new);
  }

  /** The table_id table with its stored columns (fresh from the store, not the cached catalog). */
  private StoredTable storedTable(Resource table) {
    List<StoredColumn> columns =
        store.resources().columns(table.id()).stream()
            .map(c -> new StoredColumn(c.id(), c.title(), c.type()))
            .toList();
    return new StoredTable(
        table.id(),
        new TableName(table.databaseName(), table.schemaName(), table.title()),
        table.entityType(),
        table.integration().map(i -> i.id()),
        table.discovered(),
        columns);
  }

  private static void fail(StatementLineage statement) {
    AnalysisError e = statement.error().orElseThrow();
    if (e.kind() == ErrorKind.TOO_LARGE) {
      throw new PayloadTooLargeException(e.message());
    }
    String prefix =
        statements(statement)
            + (e.kind() == ErrorKind.PARSE_ERROR ? "cannot parse: " : "cannot analyze: ");
    throw new InvalidSqlException(
        e.kind().name().toLowerCase(Locale.ROOT), prefix + e.message(), e.line(), e.column());
  }

  private static String statements(StatementLineage s) {
    return s.index() == 0 ? "" : "statement " + (s.index() + 1) + ": ";
  }

  private static Optional<String> fingerprint(String sql, Dialect dialect) {
    try {
      return Optional.of(QueryFingerprint.of(sql, dialect));
    } catch (RuntimeException e) {
      return Optional.empty(); // provenance only; the lineage does not depend on it
    }
  }

  private static BadRequestException missing(String field) {
    return new BadRequestException("\"" + field + "\" is required");
  }
}
