/**
 * A tiny PDF writer for the tests and the benchmark: text placed at given positions, in a CID font that is not embedded
 * (Identity-H codes, one per distinct character, and a ToUnicode map, which is all a text layer needs).
 * Every glyph is 1 em wide. Pages without text stand for scans.
 */
const hex4 = (n) => n.toString(16).padStart(4, '0');

function toUnicode(chars) {
  const blocks = [];
  for (let i = 0; i < chars.length; i += 100) {
    const part = chars.slice(i, i + 100);
    const units = (c) => [...Buffer.from(c, 'utf16le')].reduce((s, b, k, a) => (k % 2 ? s : s + hex4(b | (a[k + 1] << 8))), '');
    blocks.push(`${part.length} beginbfchar\n${part.map((c, k) => `<${hex4(i + k + 1)}> <${units(c)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

/**
 * Builds the PDF from pages of `{ text, x, y, size?, rotate? }` (x, y: left and top edge in points from the
 * page's top-left corner; `rotate` 90/180/270 turns the text counter-clockwise about where its baseline starts)
 * and an optional page `rotate` (/Rotate, clockwise as viewers show it); `encrypted` adds a Standard security handler whose user password is not empty.
 */
export function buildPdf(pages, opts = {}) {
  const chars = [...new Set(pages.flatMap((p) => p.texts.flatMap((t) => [...t.text])))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const objects = [];
  const add = (body) => objects.push(body) + 0;
  const stream = (data, extra = '') => `<< /Length ${Buffer.byteLength(data, 'latin1')}${extra} >>\nstream\n${data}\nendstream`;
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled in below
  const cmap = add(stream(toUnicode(chars)));
  const descriptor = add('<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${cmap} 0 R >>`);
  const kids = [];
  for (const p of pages) {
    const [w, h] = [p.width ?? 595, p.height ?? 842];
    const ops = p.texts.map((t) => {
      const size = t.size ?? 12;
      const codes = [...t.text].map((c) => hex4(cid.get(c))).join('');
      // Upright text: (x, y) is its top-left corner; turned text (counter-clockwise): where its baseline starts.
      const [cos, sin] = { 0: [1, 0], 90: [0, 1], 180: [-1, 0], 270: [0, -1] }[t.rotate ?? 0];
      const y = t.rotate ? h - t.y : h - t.y - size;
      return `BT /F1 ${size} Tf ${cos} ${sin} ${-sin} ${cos} ${t.x} ${y} Tm <${codes}> Tj ET`;
    });
    const content = add(stream(ops.length ? ops.join('\n') : '0 0 m 10 10 l S'));
    const rotate = p.rotate ? ` /Rotate ${p.rotate}` : '';
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}]${rotate} /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const id = '0123456789abcdef0123456789abcdef';
  const encrypt = opts.encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : 0;
  let out = '%PDF-1.7\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const enc = encrypt ? ` /Encrypt ${encrypt} 0 R` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${enc} /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

