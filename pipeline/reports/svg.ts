/** The citation graph drawn as a self-contained SVG: decrees of the corpus on a circle, cited stubs outside. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function citationGraphSvg(decrees: { id: string; title: string }[], edges: { from: string; to: string }[]): string {
  const size = 900;
  const c = size / 2;
  const inner = new Set(decrees.map((d) => d.id));
  const stubs = [...new Set(edges.map((e) => e.to).filter((t) => !inner.has(t)))].sort();
  const pos = new Map<string, [number, number]>();
  const ring = (ids: string[], r: number) =>
    ids.forEach((id, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, ids.length) - Math.PI / 2;
      pos.set(id, [c + r * Math.cos(a), c + r * Math.sin(a)]);
    });
  ring(decrees.map((d) => d.id), 250);
  ring(stubs, 390);
  const seen = new Set<string>();
  const lines = edges
    .filter((e) => {
      const k = `${e.from}>${e.to}`;
      return !seen.has(k) && seen.add(k);
    })
    .map((e) => {
      const [x1, y1] = pos.get(e.from)!;
      const [x2, y2] = pos.get(e.to)!;
      return `<line class="cites" x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" marker-end="url(#arrow)"><title>${esc(e.from)} → ${esc(e.to)}</title></line>`;
    });
  const node = (id: string, title: string, stub: boolean) => {
    const [x, y] = pos.get(id)!;
    return `<g class="${stub ? 'stub' : 'decree'}"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${stub ? 6 : 9}"><title>${esc(title)}</title></circle><text x="${x.toFixed(1)}" y="${(y - 12).toFixed(1)}" text-anchor="middle">${esc(id)}</text></g>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="citation graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>
${lines.join('\n')}
${decrees.map((d) => node(d.id, d.title, false)).join('\n')}
${stubs.map((s) => node(s, s, true)).join('\n')}
</svg>`;
}
