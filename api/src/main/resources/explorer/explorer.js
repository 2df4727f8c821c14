// The lineage explorer: sign in with a token, search, a table's lineage graph (tables, expandable
// into columns), column paths, why an edge exists, impact lists and the store's health. Everything
// it shows comes from the API with the token as the bearer token.
'use strict';

(function () {
  const TOKEN_KEY = 'tributary.token';
  const NODE_WIDTH = 230;
  const HEAD = 46;
  const ROW = 20;
  const FEW_COLUMNS = 12;
  const MIN_READABLE = 0.55;
  const $ = (id) => document.getElementById(id);

  const state = {
    maxDepth: 10,
    root: null,
    tables: new Map(), // id -> resource (tables and views of the graph)
    tableEdges: [], // DOWNSTREAM edges between tables
    truncated: false,
    openMore: new Set(),
    expanded: new Set(),
    allColumns: new Set(),
    columns: new Map(), // table id -> [column resources]
    columnInfo: new Map(), // column id -> resource
    columnEdges: new Map(), // edge id -> DOWNSTREAM edge between columns
    selection: null, // {kind: 'table'|'column'|'edge', id}
    path: null, // {column, columns: Set, edges: Map edge id -> 'near' (one step) | 'far'}
    edgeSource: null, // {id, label}
    view: { x: 40, y: 0, k: 1 },
    drawn: null, // {positions, nodes}
  };

  // ---------------------------------------------------------------- API and sign-in

  class ApiError extends Error {}

  async function api(path, options) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const init = Object.assign({ headers: {} }, options || {});
    init.headers = Object.assign({ Authorization: 'Bearer ' + token, Accept: 'application/json' }, init.headers);
    if (init.body && typeof init.body !== 'string') {
      init.body = JSON.stringify(init.body);
      init.headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      signOut('Your token was not accepted; sign in again.');
      throw new ApiError('not signed in');
    }
    if (response.status === 204) return null;
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ApiError((body && body.message) || 'HTTP ' + response.status);
    }
    return body;
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('app-view').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-view').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('token-input').value = '';
    $('token-input').focus();
  }

  async function signIn(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    try {
      await loadHealth();
    } catch (e) {
      if (!(e instanceof ApiError) || e.message !== 'not signed in') {
        signOut('Cannot reach the store: ' + e.message);
      }
      return;
    }
    $('sign-in-view').hidden = true;
    $('app-view').hidden = false;
    $('sign-out').hidden = false;
    $('search-input').focus();
  }

  // ---------------------------------------------------------------- health

  async function loadHealth() {
    const stats = await api('/store/stats');
    state.maxDepth = stats.limits.max_graph_depth;
    fillDepths();
    const counts = [
      ['Tables', stats.resources.table],
      ['Views', stats.resources.view],
      ['Columns', stats.resources.column],
      ['Discovered (not in a catalog)', stats.resources.discovered],
      ['Edges', stats.edges.relationships],
      ['Manual edges', stats.edges.manual],
      ['Deleted edges (tombstones)', stats.edges.tombstones],
      ['Queries seen', stats.queries.seen],
      ['Executions counted', stats.queries.executions],
      ['Dead letters', stats.dead_letters.total],
    ];
    $('health-counts').innerHTML = counts
      .map(([k, v]) => '<dt>' + esc(k) + '</dt><dd data-count="' + esc(k) + '">' + fmt(v) + '</dd>')
      .join('');
    const reasons = Object.entries(stats.dead_letters.by_reason);
    $('health-reasons').innerHTML = reasons.length
      ? reasons.map(([r, n]) => '<li><b>' + esc(r) + '</b>: ' + fmt(n) + '</li>').join('')
      : '<li class="muted">none</li>';
    const letters = await api('/store/dead_letters?page=1');
    $('health-dead-letters').innerHTML = letters.results.slice(0, 8).map((d) =>
      '<li><b>' + esc(d.reason) + '</b> ' + esc(d.message.slice(0, 160)) +
      '<code>' + esc(d.statement.slice(0, 200)) + '</code></li>').join('') ||
      '<li class="muted">none</li>';
  }

  function fillDepths() {
    const select = $('depth');
    const current = Number(select.value) || Math.min(3, state.maxDepth);
    select.innerHTML = '';
    for (let d = 1; d <= state.maxDepth; d++) {
      const o = document.createElement('option');
      o.value = String(d);
      o.textContent = d === state.maxDepth ? d + ' (all)' : String(d);
      select.appendChild(o);
    }
    select.value = String(Math.min(current, state.maxDepth));
  }

  // ---------------------------------------------------------------- search

  async function search(text) {
    const q = text.trim();
    const list = $('search-results');
    list.innerHTML = '';
    if (!q) return;
    $('search-status').textContent = 'Searching…';
    const page = await api('/resources?search=' + encodeURIComponent(q));
    $('search-status').textContent = page.count === 0 ? 'Nothing matches "' + q + '".'
      : page.count + (page.count === 1 ? ' match' : ' matches') +
        (page.count > page.results.length ? ', first ' + page.results.length + ' shown' : '');
    page.results.forEach((r) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'result';
      b.dataset.id = r.id;
      b.dataset.type = r.entity_type;
      const name = r.entity_type === 'column' ? r.table_title + '.' + r.title : r.title;
      b.innerHTML = '<b>' + esc(name) + '</b> <span class="badge">' + esc(r.entity_type) + '</span>' +
        (r.discovered ? '<span class="badge discovered" title="seen in queries, not in an imported catalog">discovered</span>' : '') +
        '<span class="where">' + esc(where(r)) + '</span>';
      b.addEventListener('click', () => openResult(r));
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  async function openResult(r) {
    if (r.entity_type === 'column') {
      await openTable(r.table_id);
      await selectColumn(r.id);
    } else {
      await openTable(r.id);
      select({ kind: 'table', id: r.id });
    }
  }

  // ---------------------------------------------------------------- the graph

  async function openTable(id) {
    const started = performance.now();
    state.root = id;
    state.openMore.clear();
    state.expanded.clear();
    state.allColumns.clear();
    state.path = null;
    state.selection = null;
    await loadGraph();
    fit();
    // Measured once the browser has laid out and painted the frame.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const ms = Math.round(performance.now() - started);
    document.body.dataset.graphMs = String(ms);
    document.body.dataset.graphRoot = id;
  }

  async function loadGraph() {
    $('graph-status').textContent = 'Loading…';
    const direction = $('direction').value;
    const depth = $('depth').value;
    const fetched = performance.now();
    const g = await api('/lineage/graph?entity_id=' + state.root + '&direction=' + direction + '&depth=' + depth);
    document.body.dataset.fetchMs = String(Math.round(performance.now() - fetched));
    state.tables = new Map(g.nodes.filter((n) => n.entity_type !== 'column').map((n) => [n.id, n]));
    state.tableEdges = g.edges.filter((e) => state.tables.has(e.from_entity) && state.tables.has(e.to_entity));
    state.truncated = g.truncated;
    state.columnEdges.clear();
    const expanded = [...state.expanded].filter((t) => state.tables.has(t));
    state.expanded = new Set(expanded);
    await Promise.all(expanded.map(loadColumns));
    if (state.path) await loadPath(state.path.column);
    render();
  }

  async function loadColumns(tableId) {
    const g = await api('/lineage/column_graph?table_id=' + tableId + '&direction=both&depth=1');
    state.columns.set(tableId, g.nodes.filter((n) => n.depth === 0));
    g.nodes.forEach((n) => state.columnInfo.set(n.id, n));
    g.edges.forEach((e) => state.columnEdges.set(e.id, e));
  }

  /** The tables shown: a walk from the root that shows at most N new neighbours per node. */
  function visibleGraph() {
    const fanout = Math.max(1, Number($('fanout').value) || 12);
    const down = new Map();
    const up = new Map();
    const add = (m, k, v) => { if (!m.has(k)) m.set(k, []); m.get(k).push(v); };
    state.tableEdges.forEach((e) => { add(down, e.from_entity, e.to_entity); add(up, e.to_entity, e.from_entity); });
    const title = (id) => (state.tables.get(id) || {}).title || '';
    const layer = new Map([[state.root, 0]]);
    const more = [];
    const queue = [];
    const dir = $('direction').value;
    if (dir !== 'upstream') queue.push([state.root, +1]);
    if (dir !== 'downstream') queue.push([state.root, -1]);
    while (queue.length) {
      const [id, side] = queue.shift();
      const next = ((side > 0 ? down : up).get(id) || []).filter((n) => !layer.has(n));
      next.sort((a, b) => title(a).localeCompare(title(b)));
      const key = 'more:' + id + ':' + side;
      const shown = state.openMore.has(key) ? next : next.slice(0, fanout);
      shown.forEach((n) => { layer.set(n, layer.get(id) + side); queue.push([n, side]); });
      if (shown.length < next.length) {
        more.push({ id: key, parent: id, side: side, count: next.length - shown.length, layer: layer.get(id) + side });
      }
    }
    return { layer: layer, more: more };
  }

  function shownColumns(tableId) {
    const all = state.columns.get(tableId) || [];
    if (all.length <= FEW_COLUMNS || state.allColumns.has(tableId)) return { rows: all, hidden: 0 };
    const linked = new Set();
    state.columnEdges.forEach((e) => { linked.add(e.from_entity); linked.add(e.to_entity); });
    const rows = all.filter((c) => linked.has(c.id) || (state.path && state.path.columns.has(c.id)));
    return { rows: rows, hidden: all.length - rows.length };
  }

  function nodeHeight(id) {
    if (!state.expanded.has(id) || !state.columns.has(id)) return HEAD;
    const c = shownColumns(id);
    return HEAD + 6 + ROW * (c.rows.length + (c.hidden ? 1 : 0));
  }

  function render() {
    const started = performance.now();
    const v = visibleGraph();
    const nodes = [];
    v.layer.forEach((l, id) => nodes.push({ id: id, layer: l, height: nodeHeight(id) }));
    v.more.forEach((m) => nodes.push({ id: m.id, layer: m.layer, height: 34, more: m }));
    const layoutEdges = state.tableEdges.map((e) => ({ from: e.from_entity, to: e.to_entity }))
      .concat(v.more.map((m) => ({ from: m.parent, to: m.id })));
    const pos = window.TributaryLayout.layout(nodes, layoutEdges, NODE_WIDTH);
    const rowOf = new Map(); // column id -> y offset in its table node
    const parts = [];
    const hotColumns = state.path ? state.path.columns : null;

    nodes.forEach((n) => {
      const p = pos.get(n.id);
      if (n.more) {
        parts.push('<g class="node more" data-kind="more" data-id="' + n.id + '" tabindex="0" role="button" ' +
          'aria-label="Show ' + n.more.count + ' more tables" transform="translate(' + p.x + ',' + p.y + ')">' +
          '<rect class="box" width="' + NODE_WIDTH + '" height="34" rx="6"></rect>' +
          '<text x="12" y="22">+' + n.more.count + ' more</text></g>');
        return;
      }
      const t = state.tables.get(n.id) || { id: n.id, title: n.id, entity_type: 'table' };
      const expanded = state.expanded.has(n.id);
      const cls = ['node', t.entity_type];
      if (n.id === state.root) cls.push('root');
      if (t.discovered) cls.push('discovered');
      if (state.selection && state.selection.kind === 'table' && state.selection.id === n.id) cls.push('selected');
      if (hotColumns && !(state.columns.get(n.id) || []).some((c) => hotColumns.has(c.id))) cls.push('dim');
      parts.push('<g class="' + cls.join(' ') + '" data-table="' + n.id + '" transform="translate(' + p.x + ',' + p.y + ')">' +
        '<rect class="box" width="' + NODE_WIDTH + '" height="' + n.height + '" rx="6"></rect>' +
        '<g class="head" data-kind="table" data-id="' + n.id + '" tabindex="0" role="button" aria-label="' +
        esc(t.entity_type + ' ' + qualified(t)) + '">' +
        '<title>' + esc(qualified(t)) + (t.discovered ? ' (discovered)' : '') + '</title>' +
        '<text x="10" y="19">' + esc(cut(t.title, 26)) + '</text>' +
        '<text class="where" x="10" y="36">' + esc(cut(where(t), 30)) + (t.entity_type === 'view' ? ' · view' : '') + '</text></g>' +
        '<text class="toggle" x="' + (NODE_WIDTH - 10) + '" y="19" text-anchor="end" data-kind="toggle" data-id="' + n.id +
        '" tabindex="0" role="button" aria-expanded="' + expanded + '" aria-label="' + (expanded ? 'Hide' : 'Show') +
        ' columns of ' + esc(t.title) + '">' + (expanded ? '▾ columns' : '▸ columns') + '</text>');
      if (expanded && state.columns.has(n.id)) {
        const c = shownColumns(n.id);
        let y = HEAD + 3;
        c.rows.forEach((col) => {
          rowOf.set(col.id, { table: n.id, y: y + ROW / 2 });
          const ccls = ['column'];
          if (hotColumns && hotColumns.has(col.id)) ccls.push('on-path');
          if (state.selection && state.selection.kind === 'column' && state.selection.id === col.id) ccls.push('selected');
          parts.push('<g class="' + ccls.join(' ') + '" data-kind="column" data-id="' + col.id + '" tabindex="0" role="button" ' +
            'aria-label="Column ' + esc(t.title + '.' + col.title) + '" transform="translate(0,' + y + ')">' +
            '<rect x="1" width="' + (NODE_WIDTH - 2) + '" height="' + ROW + '"></rect>' +
            '<text x="16" y="14">' + esc(cut(col.title, 30)) + '</text></g>');
          y += ROW;
        });
        if (c.hidden) {
          parts.push('<text class="toggle" x="16" y="' + (y + 14) + '" data-kind="all-columns" data-id="' + n.id +
            '" tabindex="0" role="button">+' + c.hidden + ' columns without lineage</text>');
        }
      }
      parts.push('</g>');
    });

    const edgeParts = [];
    const anchor = (id, side) => {
      const p = pos.get(id);
      return { x: p.x + (side > 0 ? NODE_WIDTH : 0), y: p.y + HEAD / 2 };
    };
    const curve = (a, b) => {
      const dx = Math.max(40, Math.abs(b.x - a.x) / 2);
      return 'M' + a.x + ',' + a.y + ' C' + (a.x + dx) + ',' + a.y + ' ' + (b.x - dx) + ',' + b.y + ' ' + b.x + ',' + b.y;
    };
    const edgeSvg = (id, cls, d, label, marker) =>
      '<g class="' + cls.join(' ') + '" data-kind="edge" data-id="' + id + '" tabindex="0" role="button" aria-label="' + esc(label) + '">' +
      '<title>' + esc(label) + '</title><path class="hit" d="' + d + '"></path>' +
      '<path class="line" d="' + d + '" marker-end="url(#' + marker + ')"></path></g>';
    state.tableEdges.forEach((e) => {
      if (!pos.has(e.from_entity) || !pos.has(e.to_entity)) return;
      const cls = ['edge', 'table-edge'];
      if (e.is_manual) cls.push('manual');
      if (hotColumns) cls.push('dim');
      if (state.selection && state.selection.kind === 'edge' && state.selection.id === e.id) cls.push('chosen');
      const label = 'Edge ' + titleOf(e.from_entity) + ' to ' + titleOf(e.to_entity);
      edgeParts.push(edgeSvg(e.id, cls, curve(anchor(e.from_entity, +1), anchor(e.to_entity, -1)), label, 'arrow'));
    });
    v.more.forEach((m) => {
      const a = m.side > 0 ? anchor(m.parent, +1) : { x: pos.get(m.id).x + NODE_WIDTH, y: pos.get(m.id).y + 17 };
      const b = m.side > 0 ? { x: pos.get(m.id).x, y: pos.get(m.id).y + 17 } : anchor(m.parent, -1);
      edgeParts.push('<g class="edge more-edge"><path class="line" d="' + curve(a, b) + '" marker-end="url(#arrow)"></path></g>');
    });
    state.columnEdges.forEach((e) => {
      const from = columnAnchor(e.from_entity, +1, pos, rowOf);
      const to = columnAnchor(e.to_entity, -1, pos, rowOf);
      if (!from || !to || (!from.row && !to.row)) return;
      const cls = ['edge', 'column-edge'];
      if (e.is_manual) cls.push('manual');
      // How the value flows (the API's kind): solid when copied, dashed when computed.
      if (e.kind) cls.push('kind-' + e.kind);
      const hot = state.path && state.path.edges.get(e.id);
      if (hot) cls.push(hot);
      else if (state.path) cls.push('dim');
      if (state.selection && state.selection.kind === 'edge' && state.selection.id === e.id) cls.push('chosen');
      const label = 'Column edge ' + columnLabel(e.from_entity) + ' to ' + columnLabel(e.to_entity) +
        (e.kind ? ', ' + e.kind : '') + (hot ? ' (' + (hot === 'near' ? 'one step' : 'further') + ')' : '');
      edgeParts.push(edgeSvg(e.id, cls, curve(from, to), label, hot ? 'arrow-hot' : 'arrow'));
    });

    const focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.kind + ':' + document.activeElement.dataset.id : null;
    $('viewport').innerHTML = edgeParts.join('') + parts.join('');
    state.drawn = { positions: pos, nodes: nodes };
    applyView();
    if (focused) {
      const [kind, id] = focused.split(':');
      const again = $('viewport').querySelector('[data-kind="' + kind + '"][data-id="' + id + '"]');
      if (again) again.focus();
    }
    const root = state.tables.get(state.root);
    $('graph-title').textContent = root ? qualified(root) : '';
    const hidden = state.tables.size - v.layer.size;
    $('graph-status').textContent = v.layer.size + ' of ' + state.tables.size + ' tables shown' +
      (hidden > 0 ? ' (' + hidden + ' behind "+more": click to show)' : '') +
      (state.truncated ? '; the walk stopped at the node limit' : '') +
      (state.path ? '; column path: ' + state.path.columns.size + ' columns, ' + state.path.edges.size + ' edges' : '');
    document.body.dataset.renderMs = String(Math.round(performance.now() - started));
    document.body.dataset.visibleTables = String(v.layer.size);
  }

  function columnAnchor(columnId, side, pos, rowOf) {
    const row = rowOf.get(columnId);
    if (row) {
      const p = pos.get(row.table);
      return { x: p.x + (side > 0 ? NODE_WIDTH : 0), y: p.y + row.y, row: true };
    }
    const info = state.columnInfo.get(columnId);
    if (!info || !pos.has(info.table_id)) return null;
    const p = pos.get(info.table_id);
    return { x: p.x + (side > 0 ? NODE_WIDTH : 0), y: p.y + HEAD / 2, row: false };
  }

  // ---------------------------------------------------------------- pan and zoom

  function applyView() {
    const v = state.view;
    $('viewport').setAttribute('transform', 'translate(' + v.x + ',' + v.y + ') scale(' + v.k + ')');
  }

  /** The drawing's extent, from the layout (asking the browser would force a layout of its own). */
  function drawnBox() {
    if (!state.drawn || !state.drawn.nodes.length) return null;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    state.drawn.nodes.forEach((n) => {
      const p = state.drawn.positions.get(n.id);
      x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + NODE_WIDTH); y1 = Math.max(y1, p.y + n.height);
    });
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  }

  /** Fits the graph in view; a graph too big to read that way is shown around its root. */
  function fit() {
    const svg = $('graph');
    const box = drawnBox();
    const w = svg.clientWidth || 800;
    const h = svg.clientHeight || 600;
    if (!box) return;
    const k = Math.min(1.2, Math.min((w - 40) / box.width, (h - 40) / box.height));
    const root = state.drawn && state.drawn.positions.get(state.root);
    if (k < MIN_READABLE && root) {
      const x = root.x + NODE_WIDTH / 2;
      const y = root.y + HEAD / 2;
      state.view = { k: MIN_READABLE, x: w / 2 - x * MIN_READABLE, y: h / 2 - y * MIN_READABLE };
    } else {
      state.view = { k: k, x: (w - box.width * k) / 2 - box.x * k, y: (h - box.height * k) / 2 - box.y * k };
    }
    applyView();
  }

  function panAndZoom() {
    const svg = $('graph');
    let drag = null;
    svg.addEventListener('mousedown', (ev) => {
      if (ev.target.closest('[data-kind]')) return;
      drag = { x: ev.clientX - state.view.x, y: ev.clientY - state.view.y };
    });
    window.addEventListener('mousemove', (ev) => {
      if (!drag) return;
      state.view.x = ev.clientX - drag.x;
      state.view.y = ev.clientY - drag.y;
      applyView();
    });
    window.addEventListener('mouseup', () => { drag = null; });
    svg.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      const mx = ev.clientX - r.left;
      const my = ev.clientY - r.top;
      const k = Math.min(4, Math.max(0.05, state.view.k * (ev.deltaY < 0 ? 1.15 : 1 / 1.15)));
      state.view.x = mx - (mx - state.view.x) * (k / state.view.k);
      state.view.y = my - (my - state.view.y) * (k / state.view.k);
      state.view.k = k;
      applyView();
    }, { passive: false });
  }

  // ---------------------------------------------------------------- selection and details

  async function activate(target) {
    const kind = target.dataset.kind;
    const id = target.dataset.id;
    if (kind === 'more') {
      state.openMore.add(id);
      render();
    } else if (kind === 'toggle') {
      await toggleColumns(id);
    } else if (kind === 'all-columns') {
      state.allColumns.add(id);
      render();
    } else if (kind === 'table') {
      select({ kind: 'table', id: id });
    } else if (kind === 'column') {
      await selectColumn(id);
    } else if (kind === 'edge') {
      await selectEdge(id);
    }
  }

  async function toggleColumns(tableId) {
    if (state.expanded.has(tableId)) {
      state.expanded.delete(tableId);
    } else {
      if (!state.columns.has(tableId)) await loadColumns(tableId);
      state.expanded.add(tableId);
    }
    render();
  }

  function select(selection) {
    state.selection = selection;
    if (selection.kind !== 'column') state.path = null;
    render();
    if (selection.kind === 'table') showTable(selection.id);
  }

  async function loadPath(columnId) {
    const g = await api('/lineage/graph?entity_id=' + columnId + '&direction=both&depth=' + state.maxDepth);
    g.nodes.forEach((n) => state.columnInfo.set(n.id, n));
    const edges = new Map();
    g.edges.forEach((e) => {
      state.columnEdges.set(e.id, e);
      edges.set(e.id, e.from_entity === columnId || e.to_entity === columnId ? 'near' : 'far');
    });
    state.path = { column: columnId, columns: new Set(g.nodes.map((n) => n.id)), edges: edges };
    const tables = new Set(g.nodes.map((n) => n.table_id).filter((t) => t && state.tables.has(t)));
    await Promise.all([...tables].filter((t) => !state.columns.has(t)).map(loadColumns));
    tables.forEach((t) => state.expanded.add(t));
  }

  async function selectColumn(columnId) {
    state.selection = { kind: 'column', id: columnId };
    await loadPath(columnId);
    render();
    fit();
    await showColumn(columnId);
  }

  async function selectEdge(edgeId) {
    state.selection = { kind: 'edge', id: edgeId };
    render();
    await showEdge(edgeId);
  }

  function details(html) {
    $('details').innerHTML = html;
  }

  function edgeSourceActions(id, label) {
    let html = '<div class="actions"><button type="button" class="secondary" data-action="use-source" data-id="' + id +
      '" data-label="' + esc(label) + '">Use as edge source</button>';
    if (state.edgeSource && state.edgeSource.id !== id) {
      html += '<button type="button" data-action="add-edge" data-id="' + id + '">Add manual edge from ' +
        esc(state.edgeSource.label) + ' to here</button>';
    }
    return html + '</div>';
  }

  function showTable(id) {
    const t = state.tables.get(id);
    if (!t) return;
    details('<h3>' + esc(t.entity_type) + '</h3><p><b>' + esc(qualified(t)) + '</b>' +
      (t.discovered ? ' <span class="badge discovered">discovered</span>' : '') + '</p>' +
      '<div class="actions">' +
      '<button type="button" data-action="toggle" data-id="' + id + '">' + (state.expanded.has(id) ? 'Hide columns' : 'Show columns') + '</button>' +
      (id !== state.root ? '<button type="button" class="secondary" data-action="open" data-id="' + id + '">Center graph here</button>' : '') +
      '<button type="button" class="secondary" data-action="impact-table" data-id="' + id + '">Impact downstream</button></div>' +
      edgeSourceActions(id, t.title) + '<div id="impact" class="impact"></div>');
  }

  async function showColumn(id) {
    const c = state.columnInfo.get(id);
    const label = c ? c.table_title + '.' + c.title : id;
    details('<h3>column</h3><p><b>' + esc(label) + '</b><br><span class="muted">' + esc(c ? where(c) : '') + '</span></p>' +
      '<p class="muted">Path: ' + (state.path.columns.size - 1) + ' other columns, ' + state.path.edges.size + ' edges highlighted.</p>' +
      edgeSourceActions(id, label) + '<div id="impact" class="impact"><p class="muted">Loading impact…</p></div>');
    const g = await api('/lineage/graph?entity_id=' + id + '&direction=downstream&depth=' + state.maxDepth);
    showImpact(label, g.nodes.filter((n) => n.id !== id), g.truncated);
  }

  async function showImpactOfTable(id) {
    const t = state.tables.get(id);
    $('impact').innerHTML = '<p class="muted">Loading impact…</p>';
    const [tables, columns] = await Promise.all([
      api('/lineage/graph?entity_id=' + id + '&direction=downstream&depth=' + state.maxDepth),
      api('/lineage/column_graph?table_id=' + id + '&direction=downstream&depth=' + state.maxDepth),
    ]);
    const rows = tables.nodes.filter((n) => n.id !== id)
      .concat(columns.nodes.filter((n) => n.depth > 0));
    showImpact(t ? t.title : id, rows, tables.truncated || columns.truncated);
  }

  function showImpact(label, nodes, truncated) {
    const tables = new Map();
    nodes.forEach((n) => {
      const key = n.entity_type === 'column' ? n.table_id : n.id;
      if (!tables.has(key)) {
        tables.set(key, { name: n.entity_type === 'column' ? qualifiedTable(n) : qualified(n), depth: n.depth, columns: [] });
      }
      const t = tables.get(key);
      t.depth = Math.min(t.depth, n.depth);
      if (n.entity_type === 'column') t.columns.push(n);
    });
    const columnCount = nodes.filter((n) => n.entity_type === 'column').length;
    const sorted = [...tables.values()].sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
    const csv = [['database', 'schema', 'table', 'column', 'depth']];
    nodes.forEach((n) => csv.push(n.entity_type === 'column'
      ? [n.database_name, n.schema_name, n.table_title, n.title, n.depth]
      : [n.database_name, n.schema_name, n.title, '', n.depth]));
    $('impact').innerHTML = '<h3>Impact downstream of ' + esc(label) + '</h3>' +
      '<p id="impact-counts"><b>' + sorted.length + '</b> tables, <b>' + columnCount + '</b> columns' +
      (truncated ? ' (the walk stopped at the node limit)' : '') + '</p>' +
      '<button type="button" class="secondary" id="impact-csv">Export CSV</button>' +
      '<table><thead><tr><th>Table</th><th>Depth</th><th>Columns</th></tr></thead><tbody>' +
      sorted.map((t) => '<tr><td>' + esc(t.name) + '</td><td>' + t.depth + '</td><td>' +
        esc(t.columns.map((c) => c.title).sort().join(', ')) + '</td></tr>').join('') +
      '</tbody></table>';
    $('impact-csv').addEventListener('click', () => download('impact.csv', csv.map(csvLine).join('\r\n') + '\r\n'));
    $('impact').dataset.csv = csv.map(csvLine).join('\n');
  }

  async function showEdge(id) {
    let p;
    try {
      p = await api('/lineage/edges/' + id + '/queries');
    } catch (e) {
      details('<p class="error">' + esc(e.message) + '</p>');
      return;
    }
    const e = p.edge;
    const name = (r, fallback) => (r ? (r.entity_type === 'column' ? r.table_title + '.' + r.title : r.title) : fallback);
    const from = name(p.source, e.from_entity);
    const to = name(p.target, e.to_entity);
    const queries = p.queries.map((q) => '<div class="query"><dl>' +
      '<dt>Fingerprint</dt><dd class="fingerprint">' + esc(q.fingerprint) + '</dd>' +
      '<dt>Dialect</dt><dd>' + esc(q.dialect) + '</dd>' +
      '<dt>First seen</dt><dd>' + esc(q.first_seen) + '</dd>' +
      '<dt>Last seen</dt><dd>' + esc(q.last_seen) + '</dd>' +
      '<dt>Executions</dt><dd class="executions">' + fmt(q.executions) + '</dd></dl>' +
      '<pre class="sample-sql">' + esc(q.sample_sql) + '</pre></div>').join('');
    details('<h3>Edge</h3><p id="edge-title"><b>' + esc(from) + '</b> → <b>' + esc(to) + '</b></p><dl>' +
      '<dt>Kind</dt><dd id="edge-kind">' + (e.is_manual ? 'manual' : 'from queries') + '</dd>' +
      (e.kind ? '<dt>Value</dt><dd id="edge-flow">' + (e.kind === 'direct' ? 'copied (direct)' : 'computed (derived)') + '</dd>' : '') +
      '<dt>First seen</dt><dd>' + esc(e.first_seen) + '</dd><dt>Last seen</dt><dd>' + esc(e.last_seen) + '</dd></dl>' +
      '<h3>Queries behind it (' + p.queries.length + ')</h3>' +
      (queries || '<p class="muted">' + (e.is_manual ? 'None: a person added this edge.' : 'The store keeps no query for it.') + '</p>') +
      '<div class="actions"><button type="button" class="danger" data-action="delete-edge" data-id="' + id + '">Delete edge</button></div>' +
      '<p id="edge-status" role="status"></p>');
    $('details').dataset.source = e.direction === 'DOWNSTREAM' ? e.from_entity : e.to_entity;
    $('details').dataset.target = e.direction === 'DOWNSTREAM' ? e.to_entity : e.from_entity;
    $('details').dataset.names = from + ' → ' + to;
  }

  async function deleteEdge(button) {
    if (button.dataset.confirm !== 'yes') {
      button.dataset.confirm = 'yes';
      button.textContent = 'Confirm delete';
      $('edge-status').textContent = 'Derived edges stay deleted: a backfill does not write them again.';
      return;
    }
    await api('/lineage/manual/' + button.dataset.id, { method: 'DELETE' });
    state.selection = null;
    await loadGraph();
    $('details').querySelector('.actions').innerHTML =
      '<button type="button" data-action="re-add" id="re-add">Add it back as a manual edge</button>';
    $('edge-status').textContent = 'Deleted ' + $('details').dataset.names + '.';
  }

  async function addEdge(from, to) {
    const edge = await api('/lineage/manual', {
      method: 'POST',
      body: { from_entity: from, to_entity: to, direction: 'DOWNSTREAM' },
    });
    await loadGraph();
    await selectEdge(edge.id);
    $('edge-status').textContent = 'Manual edge added.';
  }

  async function onDetailsClick(ev) {
    const b = ev.target.closest('button[data-action]');
    if (!b) return;
    const action = b.dataset.action;
    const id = b.dataset.id;
    if (action === 'toggle') { await toggleColumns(id); showTable(id); }
    else if (action === 'open') { await openTable(id); select({ kind: 'table', id: id }); }
    else if (action === 'impact-table') await showImpactOfTable(id);
    else if (action === 'use-source') { state.edgeSource = { id: id, label: b.dataset.label }; b.textContent = 'Edge source set'; }
    else if (action === 'add-edge') await addEdge(state.edgeSource.id, id);
    else if (action === 'delete-edge') await deleteEdge(b);
    else if (action === 're-add') await addEdge($('details').dataset.source, $('details').dataset.target);
  }

  // ---------------------------------------------------------------- helpers

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function cut(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  function where(r) { return [r.database_name, r.schema_name].filter(Boolean).join('.'); }
  function qualified(r) { return [r.database_name, r.schema_name, r.title].filter(Boolean).join('.'); }
  function qualifiedTable(c) { return [c.database_name, c.schema_name, c.table_title].filter(Boolean).join('.'); }
  function titleOf(id) { return (state.tables.get(id) || {}).title || id; }
  function columnLabel(id) { const c = state.columnInfo.get(id); return c ? c.table_title + '.' + c.title : id; }
  function csvLine(cells) {
    return cells.map((c) => { const s = String(c == null ? '' : c); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }).join(',');
  }
  function download(name, text) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function report(e) {
    if (e instanceof ApiError && e.message === 'not signed in') return;
    $('graph-status').textContent = 'Error: ' + e.message;
  }
  const guarded = (f) => (...args) => Promise.resolve().then(() => f(...args)).catch(report);

  // ---------------------------------------------------------------- wiring

  document.addEventListener('DOMContentLoaded', () => {
    $('sign-in-form').addEventListener('submit', (ev) => { ev.preventDefault(); signIn($('token-input').value.trim()); });
    $('sign-out').addEventListener('click', () => signOut(''));
    $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); guarded(search)($('search-input').value); });
    $('health-refresh').addEventListener('click', guarded(loadHealth));
    ['direction', 'depth'].forEach((id) => $(id).addEventListener('change', guarded(() => state.root && loadGraph())));
    $('fanout').addEventListener('change', () => state.root && render());
    $('fit').addEventListener('click', fit);
    $('clear-selection').addEventListener('click', () => { state.path = null; state.selection = null; render(); details('<p class="muted">Select a table, a column or an edge.</p>'); });
    const svg = $('graph');
    svg.addEventListener('click', guarded((ev) => { const t = ev.target.closest('[data-kind]'); return t && activate(t); }));
    svg.addEventListener('keydown', guarded((ev) => {
      const t = ev.target.closest('[data-kind]');
      if (t && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); return activate(t); }
      return null;
    }));
    $('details').addEventListener('click', guarded(onDetailsClick));
    document.addEventListener('keydown', (ev) => {
      if (ev.key === '/' && document.activeElement.tagName !== 'INPUT') { ev.preventDefault(); $('search-input').focus(); }
      if (ev.key === 'Escape') $('clear-selection').click();
    });
    panAndZoom();
    fillDepths();
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) signIn(token); else signOut('');
  });
})();
