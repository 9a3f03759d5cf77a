import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../graph/model.js';
import { deadlineView, amountView } from '../../pipeline/reports/facts.js';
import { deadlinesIcs, firstOccurrence, fold, type IcsItem } from '../../pipeline/reports/ics.js';
import { buildReport } from '../../pipeline/reports/build.js';
import { exportFor, gazetteOf, recordsOf, SAMPLE_PATH, sampleText } from '../helpers.js';

/** Synthetic one-document decrees of different issuers (test fixtures, not real documents). */
const HEADERS = {
  粤: '广东省人民政府办公厅\n\n关于测试工作的通知\n\n粤府办〔2020〕2号 2020年3月2日\n\n',
  京: '北京市人民政府\n\n关于测试工作的通知\n\n京政发〔2022〕8号 2022年5月6日\n\n',
};
type Issuer = keyof typeof HEADERS;
const numberOf = (issuer: Issuer) => /\n(\S+号)/.exec(HEADERS[issuer])![1];

function doc(issuer: Issuer, body: string): { d: DocumentRecord; source: string } {
  const source = HEADERS[issuer] + body;
  return { d: recordsOf(gazetteOf(body, HEADERS[issuer]))[0]!, source };
}
const views = (issuer: Issuer, body: string) => {
  const { d, source } = doc(issuer, body);
  return d.deadlines.map((x) => deadlineView(x, d, source));
};

describe('deadlineView: what the reports read of a deadline', () => {
  it.each([
    ['粤', '各地级以上市要于2020年4月前完成摸底。', { kind: 'deadline', due: '2020-04-30', precision: 'month', shown: '2020年4月' }],
    ['京', '市经济和信息化局2022年底前完成平台建设。', { kind: 'deadline', due: '2022-12-31', shown: '2022年底' }],
    ['粤', '到2025年，全省建成示范项目。', { kind: 'target', due: '2025-12-31', precision: 'year', shown: '2025年' }],
    ['京', '到2025年底前完成全部改造。', { kind: 'deadline', due: '2025-12-31' }],
  ] as const)('%s: %s', (issuer, body, expected) => {
    expect(views(issuer, body)[0]).toMatchObject(expected);
  });

  it.each([
    // The recipient by its canonical name: the same whether the export or the graph is read.
    ['粤', '各地级以上市每月20日前将工作进展报送省发展改革委。', '每月20日前报送广东省发展和改革委员会'],
    ['京', '各区于每季度第一个月5日前将上季度情况报市经济和信息化局。', '每季度第1个月5日前报送北京市经济和信息化局'],
  ] as const)('%s: a recurring duty in words with its recipient', (issuer, body, every) => {
    const [v] = views(issuer, body);
    expect(v).toMatchObject({ kind: 'recurring', every, due: null });
    expect(v!.clause).toBe(body.replace(/。$/, ''));
  });

  it('what is due is the sentence the deadline governs; an export without it falls back to the source, then the task', () => {
    const body = '一、加强统筹\n牵头单位：省财政厅\n2020年6月底前完成资金下达。其他工作按计划推进。';
    const { d, source } = doc('粤', body);
    expect(deadlineView(d.deadlines[0]!, d).clause).toBe('2020年6月底前完成资金下达');
    const bare = { ...d.deadlines[0]!, what: '' };
    expect(deadlineView(bare, d, source).clause).toBe('2020年6月底前完成资金下达。');
    expect(deadlineView(bare, d).clause).toBe(d.assignments[0]!.task.replace(/\s+/g, ''));
    // A source that no longer matches the offsets (the file changed since) is not read.
    expect(deadlineView(bare, d, source.replaceAll('2020', '2021')).clause).toBe(d.assignments[0]!.task.replace(/\s+/g, ''));
  });

  it('amounts say what they are for and what kind they are', () => {
    const { d, source } = doc('京', '安排专项资金不少于500万元用于平台建设。新增充电桩200个。');
    expect(d.amounts.map((a) => amountView(a, d, source)).map((a) => [a.kind, a.value, a.clause])).toEqual([
      ['money', 5_000_000, '安排专项资金不少于500万元用于平台建设。'],
      ['count', 200, '新增充电桩200个。'],
    ]);
  });
});

/** The calendar of one document, parsed by ical.js (a maintained RFC 5545 parser). */
function calendarOf(issuer: Issuer, body: string) {
  const { d, source } = doc(issuer, body);
  const items: IcsItem[] = d.deadlines.map((x) => ({ view: deadlineView(x, d, source), decree: d.id, decreeTitle: d.title, issuedDate: d.issuedDate, lead: [], responsible: ['省财政厅'] }));
  const text = [...deadlinesIcs(items)].join('');
  return { text, events: new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

describe('deadlines.ics is valid RFC 5545', () => {
  it('lines are folded at 75 octets, never inside a character, and unfold to the original', () => {
    const line = `SUMMARY:${'各地级以上市要于每月20日前将工作进展情况报送'.repeat(4)}`;
    const folded = fold(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it.each([
    ['粤', '各地级以上市每月20日前将工作进展报送省发展改革委。', 'FREQ=MONTHLY;BYMONTHDAY=20', '2020-03-20'],
    ['京', '各区于每季度第一个月5日前将上季度情况报市经济和信息化局。', 'FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5', '2022-07-05'],
  ] as const)('%s: a recurring duty starts on its first occurrence after the decree', (issuer, body, rule, start) => {
    const { text, events } = calendarOf(issuer, body);
    for (const l of text.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const [e] = events;
    expect(e!.component.getFirstPropertyValue('rrule')!.toString()).toBe(rule);
    expect(e!.startDate.toString()).toBe(start);
    // DTSTART is an occurrence of its own rule: the first expanded date is DTSTART itself.
    expect(e!.iterator().next()!.toString()).toBe(start);
    expect(e!.summary).toMatch(new RegExp(`（${numberOf(issuer)}）$`));
  });

  it('an end year in the text becomes UNTIL; the summary names the duty and the decree', () => {
    const { events } = calendarOf('粤', '至2021年，各地级以上市每月20日前将工作进展报送省发展改革委。');
    const rule = events[0]!.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.until!.toString()).toBe('2021-12-31');
    expect(events[0]!.summary).toMatch(/^每月20日前报送广东省发展和改革委员会：.+（粤府办〔2020〕2号）$/);
    expect(firstOccurrence({ every: 'monthly', day: 31 }, '2020-02-10')).toBe('2020-02-29');
  });

  it('a dated deadline is one all-day event on its due date; targets are not events', () => {
    const { events } = calendarOf('京', '2022年9月底前完成平台上线。到2025年，全市建成示范区。');
    expect(events.map((e) => [e.startDate.toString(), e.startDate.isDate])).toEqual([['2022-09-30', true]]);
    expect(events[0]!.summary).toMatch(/^2022年9月底：.*（京政发〔2022〕8号）$/);
  });
});

describe('the sample issue calendar', () => {
  it('parses with ical.js: lines within 75 octets, every recurring event starts on its own rule, summaries name the decree', () => {
    const text = [...buildReport('deadlines', exportFor(SAMPLE_PATH, sampleText())).ics!].join('');
    for (const l of text.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.length).toBeGreaterThan(40);
    for (const e of events) {
      expect(e.summary).toMatch(/（[^）]+〔2018〕\d+号）$/);
      if (e.isRecurring()) expect(e.iterator().next()!.toString()).toBe(e.startDate.toString());
    }
    expect(events.filter((e) => e.isRecurring())).toHaveLength(5);
  });
});
