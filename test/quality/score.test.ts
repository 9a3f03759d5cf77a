import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../graph/model.js';
import { pairDocuments, rates, scoreFile, sourceOf, type GoldDocument } from '../../quality/score.js';
import { checkFloors } from '../../quality/table.js';

const gold = (g: Partial<GoldDocument>): GoldDocument => ({
  docNumber: null, title: null, issuers: [], date: null, citedNumbers: [], citedLaws: [], repeals: [], ...g,
});
type Cite = Partial<DocumentRecord['citations'][number]>;
const doc = (d: Partial<DocumentRecord> & { cites?: Cite[] }): DocumentRecord =>
  ({ docNumber: null, title: '', issuer: null, coIssuers: [], issuedDate: null, ...d, citations: d.cites ?? [] }) as unknown as DocumentRecord;

describe('quality scorer', () => {
  it('pairs gold documents by number, then title, then order', () => {
    const a = doc({ docNumber: '粤府办〔2020〕2号', title: 'A' });
    const b = doc({ title: '京经信发的通知' });
    const c = doc({ title: 'other' });
    const pairs = pairDocuments([gold({ title: '京经信发的通知' }), gold({ title: 'x' }), gold({ docNumber: '粤府办〔2020〕2号' })], [c, b, a]);
    expect(pairs).toEqual([b, c, a]);
  });

  it('scores header fields exactly, folding whitespace, full-width forms and 中华人民共和国国务院', () => {
    const g = gold({ docNumber: '国务院令第76号', title: '关于 G60 的规定', issuers: ['国务院'], date: '2018-04-07' });
    const d = doc({ docNumber: '国务院令第76号', title: '关于Ｇ６０的规定', issuer: '中华人民共和国国务院', issuedDate: '2018-04-08' });
    const misses: { field: string }[] = [];
    const s = scoreFile({ file: 'txt/x.md', documents: [g] }, [d], misses as never);
    expect([s.read.right, s.docNumber.right, s.title.right, s.issuer.right, s.date.right]).toEqual([1, 1, 1, 1, 0]);
    expect(misses.map((m) => m.field)).toEqual(['date']);
  });

  it('counts a rejected file as unread and every header field as wrong; titles not printed are not scored', () => {
    const s = scoreFile({ file: 'html/a.html', documents: [gold({ docNumber: '法释〔2015〕16号', date: '2015-06-01' })] }, null);
    expect([s.read.right, s.docNumber.gold, s.docNumber.right, s.title.gold, s.date.gold]).toEqual([0, 1, 0, 0, 1]);
  });

  it('scores citations as sets over the file: precision and recall', () => {
    const g = gold({ citedNumbers: ['国发〔2016〕28号', '京经信发〔2022〕87号'], citedLaws: ['中华人民共和国安全生产法'], repeals: ['法发〔1996〕30号'] });
    const d1 = doc({ cites: [{ docNumber: '国发〔2016〕28号', kind: 'decree', relation: 'basis' }, { docNumber: '法发〔1996〕30号', kind: 'decree', relation: 'repeals' }] });
    const d2 = doc({ cites: [{ docNumber: '国发〔2016〕28号', kind: 'decree', relation: 'mentions' }, { title: '中华人民共和国安全生产法', docNumber: null, kind: 'law', relation: 'basis' }] });
    const s = scoreFile({ file: 'pdf/a.pdf', documents: [g] }, [d1, d2]);
    expect(s.citedNumbers).toEqual({ right: 1, gold: 2, extracted: 2 });
    expect(rates(s.citedNumbers)).toEqual({ recall: 0.5, precision: 0.5 });
    expect(s.citedLaws).toEqual({ right: 1, gold: 1, extracted: 1 });
    expect(s.repeals).toEqual({ right: 1, gold: 1, extracted: 1 });
  });

  it('a file with nothing to read is right when rejected', () => {
    expect(scoreFile({ file: 'html/empty.html', documents: [] }, null).read).toEqual({ right: 1, gold: 1, extracted: 0 });
  });

  it('names the source group and reports the floors a group misses', () => {
    expect(sourceOf('txt/lawref_falv_xingzheng.md')).toBe('txt/lawref');
    const s = scoreFile({ file: 'html/a.html', documents: [gold({ docNumber: 'x' })] }, [doc({})]);
    const failures = checkFloors(new Map([['all', s]]), { all: { read: 0.9, docNumber: 0.9 }, heldout: { read: 0.5 } });
    expect(failures).toEqual(['all docNumber 0.0% is below its floor 90%', 'unexpected missing group heldout, expected scores for it (is the corpus complete?)']);
  });
});
