import type { AnyNode, Element } from 'domhandler';

/** Plain text read out of HTML, with the HTML source offset of every character. */
export interface TextView {
  text: string;
  map: number[];
}

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'section', 'article', 'td', 'th']);

/** Appends one text node to `view`; each character maps to its place in `html`. */
export function appendData(html: string, data: string, start: number, view: TextView): void {
  let i = start;
  for (let j = 0; j < data.length; j++) {
    view.text += data[j];
    view.map.push(i);
    // An entity (&nbsp; &emsp; &#12289;) is one character in the text and several in the source.
    if (html[i] === '&') {
      const semi = html.indexOf(';', i);
      i = semi > i && semi - i <= 10 ? semi + 1 : i + 1;
    } else {
      i += html.codePointAt(i)! > 0xffff ? 2 : 1;
      if (data.codePointAt(j)! > 0xffff) { view.text += data[++j]; view.map.push(i - 1); }
    }
  }
}

function newline(view: TextView, at: number): void {
  if (view.text && !view.text.endsWith('\n')) { view.text += '\n'; view.map.push(at); }
}

/** The text under `root`, block elements on lines of their own. Iterative: nesting depth is the page's, not the stack's. */
function appendText(html: string, root: AnyNode, view: TextView): void {
  const stack: (AnyNode | { close: number })[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) { newline(view, item.close); continue; }
    if (item.type === 'text') { appendData(html, item.data, item.sourceCodeLocation?.startOffset ?? 0, view); continue; }
    if (item.type !== 'tag' && item.type !== 'root') continue;
    const el = item as Element;
    const at = el.sourceCodeLocation?.startOffset ?? 0;
    const block = item.type === 'tag' && BLOCK.has(el.name);
    if (block) { newline(view, at); stack.push({ close: el.sourceCodeLocation?.endOffset ?? at }); }
    for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k]!);
  }
}

export function textOf(html: string, nodes: AnyNode[]): TextView {
  const view: TextView = { text: '', map: [] };
  for (const n of nodes) appendText(html, n, view);
  return view;
}


/**
 * The text of a small element, or null for a container (more than `max` characters or nodes): fields and
 * headlines are short, and a page may nest thousands of elements (a recursive .text() overflows the stack).
 */
export function shortText(root: AnyNode, max = 200): string | null {
  let text = '';
  let nodes = 0;
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (++nodes > max) return null;
    if (n.type === 'text') {
      text += n.data;
      if (text.length > max) return null;
    } else if (n.type === 'tag' || n.type === 'root') {
      const kids = (n as Element).children;
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
    }
  }
  return text;
}

/** Length of the text under every node, computed once bottom-up (no recursion, no re-reading). */
export function textLengths(root: AnyNode): Map<AnyNode, number> {
  const len = new Map<AnyNode, number>();
  const stack: [AnyNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (n.type === 'text') len.set(n, n.data.length);
    else if (!('children' in n)) len.set(n, 0);
    else if (done) len.set(n, n.children.reduce((sum, c) => sum + (len.get(c) ?? 0), 0));
    else {
      stack.push([n, true]);
      for (const c of n.children) stack.push([c, false]);
    }
  }
  return len;
}
