// A layered left-to-right layout: nodes come with their layer (a column of the drawing); within a
// layer they are ordered by the mean position of their neighbours in the layers beside it (a few
// barycenter sweeps, as in Sugiyama's method), then stacked top to bottom.
'use strict';

window.TributaryLayout = (function () {
  const LAYER_GAP = 110;
  const NODE_GAP = 18;

  function layout(nodes, edges, nodeWidth) {
    const byLayer = new Map();
    nodes.forEach((n, i) => {
      if (!byLayer.has(n.layer)) byLayer.set(n.layer, []);
      byLayer.get(n.layer).push(n);
      n.order = i;
    });
    const layers = [...byLayer.keys()].sort((a, b) => a - b);
    const neighbours = new Map(nodes.map((n) => [n.id, []]));
    const layerOf = new Map(nodes.map((n) => [n.id, n.layer]));
    edges.forEach((e) => {
      if (neighbours.has(e.from) && neighbours.has(e.to) && e.from !== e.to) {
        neighbours.get(e.from).push(e.to);
        neighbours.get(e.to).push(e.from);
      }
    });
    const position = new Map();
    const renumber = (list) => list.forEach((n, i) => position.set(n.id, i));
    layers.forEach((l) => renumber(byLayer.get(l)));

    const sweep = (order, side) => {
      order.forEach((l) => {
        const list = byLayer.get(l);
        const key = new Map();
        list.forEach((n) => {
          const near = neighbours.get(n.id).filter((m) => layerOf.get(m) === l + side);
          key.set(n.id, near.length
            ? near.reduce((s, m) => s + position.get(m), 0) / near.length
            : position.get(n.id));
        });
        list.sort((a, b) => key.get(a.id) - key.get(b.id) || a.order - b.order);
        renumber(list);
      });
    };
    for (let i = 0; i < 3; i++) {
      sweep(layers, -1);
      sweep([...layers].reverse(), +1);
    }

    const result = new Map();
    const minLayer = layers.length ? layers[0] : 0;
    layers.forEach((l) => {
      const list = byLayer.get(l);
      const total = list.reduce((s, n) => s + n.height, 0) + NODE_GAP * (list.length - 1);
      let y = -total / 2;
      list.forEach((n) => {
        result.set(n.id, { x: (l - minLayer) * (nodeWidth + LAYER_GAP), y: y });
        y += n.height + NODE_GAP;
      });
    });
    return result;
  }

  return { layout: layout };
})();
