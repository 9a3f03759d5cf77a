/**
 * A document's source text as HTML, each fact's span marked (`<mark data-s data-e>`, absolute offsets
 * into the decoded source) so a link `#src-<start>-<end>` can highlight it. HTML sources are shown as
 * their text: markup is dropped (block tags become line breaks) without moving any offset.
 */
const BLOCK = /^<\/?(p|div|br|tr|li|h\d|table|section|article)\b/i;
const HIDDEN = /<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;

export function sourceHtml(text: string, base: number, spans: [number, number][], isHtml: boolean): string {
  const hidden: [number, number][] = isHtml ? [...text.matchAll(HIDDEN)].map((m) => [m.index, m.index + m[0].length]) : [];
  const rel = spans.map(([s, e]) => [Math.max(0, s - base), Math.min(text.length, e - base)] as [number, number]).filter(([s, e]) => e > s);
  const cuts = [...new Set([0, text.length, ...rel.flat(), ...hidden.flat()])].sort((a, b) => a - b);
  // Spans sorted by start, walked with the cuts: the spans open at a cut are those started and not ended.
  rel.sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let h = 0;
  let next = 0;
  let open: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    while (h < hidden.length && hidden[h]![1] <= a) h++;
    if (h < hidden.length && hidden[h]![0] <= a) {
      if (hidden[h]![0] === a && BLOCK.test(text.slice(a, b))) out.push('\n');
      continue;
    }
    while (next < rel.length && rel[next]![0] <= a) open.push(rel[next++]!);
    open = open.filter(([, e]) => e > a);
    const raw = text.slice(a, b);
    // Text outside markup has no '<': an HTML source's text (entities and all) is already HTML.
    const shown = isHtml ? raw : raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    out.push(open.length ? `<mark data-s="${a + base}" data-e="${b + base}">${shown}</mark>` : shown);
  }
  return `<div class="src" id="source">${out.join('').replace(/\n{3,}/g, '\n\n')}</div>`;
}
