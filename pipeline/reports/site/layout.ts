import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { esc } from './html.js';

/**
 * The citation graph, laid out at build time: d3-force (deterministic: d3 seeds its own generator) with
 * nodes started on a circle in id order, then labels placed greedily — the most cited first, each at the
 * first of eight spots around its node that overlaps no label placed before; a label with no free spot is
 * left to the node's tooltip. Label boxes are estimated on the generous side (a CJK character 1 em, any
 * other 0.65 em), so drawn labels never overlap.
 */
export interface GraphNode {
  id: string;
  label: string;
  title: string;
  kind: 'decree' | 'stub' | 'law';
  href: string;
}
export interface GraphEdge {
  from: string;
  to: string;
  relation: string;
  count: number;
}

export const RELATION_COLOURS: Record<string, string> = { basis: '#2563eb', implements: '#16a34a', refers: '#9333ea', repeals: '#dc2626', mentions: '#9ca3af' };
const FONT = 11;
const labelWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? FONT : FONT * 0.65), 0);

type Sim = GraphNode & SimulationNodeDatum & { degree: number };
type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function citationGraph(nodes: GraphNode[], edges: GraphEdge[]): { svg: string; placed: number } {
  const byId = new Map<string, Sim>();
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
  sorted.forEach((n, i) => {
    const a = (2 * Math.PI * i) / sorted.length;
    byId.set(n.id, { ...n, degree: 0, x: 300 * Math.cos(a), y: 300 * Math.sin(a) });
  });
  for (const e of edges) {
    byId.get(e.from)!.degree++;
    byId.get(e.to)!.degree++;
  }
  const sims = [...byId.values()];
  const links = edges.map((e) => ({ source: e.from, target: e.to }));
  const sim = forceSimulation(sims)
    .force('charge', forceManyBody().strength(-120).theta(1.2))
    .force('link', forceLink<Sim, { source: string; target: string }>(links).id((n) => n.id).distance(60))
    .force('collide', forceCollide<Sim>((n) => 8 + Math.min(60, labelWidth(n.label) / 2)))
    .force('x', forceX(0).strength(0.05))
    .force('y', forceY(0).strength(0.05))
    .stop();
  // As many ticks as d3's own cooling takes (alpha from 1 to alphaMin): ~300.
  sim.tick(Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay())));
  const pad = 120;
  const xs = sims.map((n) => n.x!);
  const ys = sims.map((n) => n.y!);
  const [x0, y0] = [Math.min(...xs) - pad, Math.min(...ys) - pad];
  const [w, h] = [Math.max(...xs) + pad - x0, Math.max(...ys) + pad - y0];
  for (const n of sims) {
    n.x! -= x0;
    n.y! -= y0;
  }
  const r = (n: Sim) => (n.kind === 'stub' ? 5 : 4 + Math.min(8, Math.sqrt(n.degree) * 2));
  // Node circles are obstacles too: a label never covers a node.
  const boxes: Box[] = sims.map((n) => [n.x! - r(n), n.y! - r(n), n.x! + r(n), n.y! + r(n)]);
  const labels = new Map<string, [number, number, string]>();
  const placed: Box[] = [];
  for (const n of [...sims].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1))) {
    const lw = labelWidth(n.label);
    const lh = FONT * 1.3;
    const g = r(n) + 3;
    const spots: [number, number, string][] = [
      [n.x! + g, n.y! + lh / 3, 'start'],
      [n.x! - g, n.y! + lh / 3, 'end'],
      [n.x!, n.y! - g - 2, 'middle'],
      [n.x!, n.y! + g + lh * 0.8, 'middle'],
      [n.x! + g, n.y! - g, 'start'],
      [n.x! - g, n.y! - g, 'end'],
      [n.x! + g, n.y! + g + lh * 0.6, 'start'],
      [n.x! - g, n.y! + g + lh * 0.6, 'end'],
    ];
    for (const [x, y, anchor] of spots) {
      const left = anchor === 'start' ? x : anchor === 'end' ? x - lw : x - lw / 2;
      // The baseline is at y: the glyphs stand above it, descenders a little below.
      const box: Box = [left - 1, y - lh * 0.9, left + lw + 1, y + lh * 0.35];
      if (boxes.some((b, i) => sims[i] !== n && overlaps(b, box)) || placed.some((b) => overlaps(b, box))) continue;
      placed.push(box);
      labels.set(n.id, [x, y, anchor]);
      break;
    }
  }
  const lines = edges.map((e) => {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    return `<line x1="${a.x!.toFixed(1)}" y1="${a.y!.toFixed(1)}" x2="${b.x!.toFixed(1)}" y2="${b.y!.toFixed(1)}" stroke="${RELATION_COLOURS[e.relation] ?? '#999'}" stroke-width="${Math.min(4, 1 + Math.log2(e.count))}" marker-end="url(#arrow-${e.relation})"><title>${esc(`${a.label} → ${b.label}: ${e.relation}${e.count > 1 ? ` ×${e.count}` : ''}`)}</title></line>`;
  });
  const fill = { decree: '#2b6cb0', stub: '#ed8936', law: '#16a34a' };
  const drawn = sims.map((n) => {
    const l = labels.get(n.id);
    const shape = n.kind === 'law' ? `<rect x="${(n.x! - r(n)).toFixed(1)}" y="${(n.y! - r(n)).toFixed(1)}" width="${(2 * r(n)).toFixed(1)}" height="${(2 * r(n)).toFixed(1)}" fill="${fill.law}"/>` : `<circle cx="${n.x!.toFixed(1)}" cy="${n.y!.toFixed(1)}" r="${r(n).toFixed(1)}" fill="${fill[n.kind]}"/>`;
    const text = l ? `<text class="label" x="${l[0].toFixed(1)}" y="${l[1].toFixed(1)}" text-anchor="${l[2]}">${esc(n.label)}</text>` : '';
    return `<a href="${esc(n.href)}" class="node ${n.kind}"><title>${esc(n.title)}</title>${shape}${text}</a>`;
  });
  const markers = Object.entries(RELATION_COLOURS).map(([rel, c]) => `<marker id="arrow-${rel}" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${c}"/></marker>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w.toFixed(0)} ${h.toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" role="img" aria-label="citation graph">
<defs>${markers.join('')}</defs>
${lines.join('\n')}
${drawn.join('\n')}
</svg>`;
  return { svg, placed: labels.size };
}
