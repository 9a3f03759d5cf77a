import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminImportWriter } from '../../graph/adminImport.js';
import { documentRows } from '../../graph/statements.js';
import { buildReport } from '../../pipeline/reports/build.js';
import { exportFor } from '../helpers.js';

// Synthetic test fixtures: two issuers each plan a document (起草/制定《…》) and cite one that exists but is missing.
const GAZETTE = `北京市经济和信息化局

关于测试促进工作的通知

京经信发〔2022〕87号

市经济和信息化局负责起草《北京市测试促进办法》。根据《北京市测试管理规定》（京政发〔2021〕5号），做好测试工作。

北京市经济和信息化局
2022年5月6日

广东省人民政府办公厅

关于测试扶持工作的通知

粤府办〔2020〕2号

省商务厅抓紧制定《广东省测试扶持政策》，按照《广东省测试工作方案》（粤府〔2019〕8号）执行。

广东省人民政府办公厅
2020年1月10日
`;
const exp = exportFor('planned-test/gazette.txt', GAZETTE);

describe('documents still to be drafted are planned, not stubs of cited documents', () => {
  it('the fixture reads as two documents, each with one drafting intent', () => {
    expect(exp.documents.map((d) => [d.docNumber, d.citations.filter((c) => c.relation === 'drafts').map((c) => c.title)])).toEqual([
      ['京经信发〔2022〕87号', ['北京市测试促进办法']],
      ['粤府办〔2020〕2号', ['广东省测试扶持政策']],
    ]);
  });

  it('the graph rows target a planned node by title; cited numbers stay stubs', () => {
    const cites = exp.documents.flatMap((d) => documentRows(d).cites).map((c) => [c.relation, c.planned, c.targetId]);
    expect(cites).toEqual(expect.arrayContaining([
      ['drafts', true, 'planned:北京市测试促进办法'],
      ['drafts', true, 'planned:广东省测试扶持政策'],
      [expect.not.stringMatching(/^drafts$/), false, '京政发〔2021〕5号'],
      [expect.not.stringMatching(/^drafts$/), false, '粤府〔2019〕8号'],
    ]));
  });

  it('the citations report lists the cited numbers as unresolved, never the planned documents', () => {
    const data = buildReport('citations', exp).data as { unresolved: { cited: string }[]; citations: { relation: string }[] };
    expect(data.unresolved.map((u) => u.cited).sort()).toEqual(['京政发〔2021〕5号', '粤府〔2019〕8号']);
    // The drafting intents are still citations of their planners, with their relation.
    expect(data.citations.filter((c) => c.relation === 'drafts')).toHaveLength(2);
  });

  it('neo4j-admin CSVs: planned documents are Planned nodes, not stub decrees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planned-import-'));
    const writer = new AdminImportWriter(dir, exp.documents.map((d) => d.id));
    for (const d of exp.documents) await writer.add(documentRows(d));
    await writer.finish(exp.agencies);
    const planned = readFileSync(join(dir, 'nodes-planned.csv'), 'utf8').trim().split('\n');
    expect(planned[0]).toBe('id:ID(Node),title,titleKey,:LABEL');
    expect(planned.slice(1).sort()).toEqual(['planned:北京市测试促进办法,北京市测试促进办法,北京市测试促进办法,Planned', 'planned:广东省测试扶持政策,广东省测试扶持政策,广东省测试扶持政策,Planned']);
    expect(readFileSync(join(dir, 'nodes-decrees.csv'), 'utf8')).not.toContain('测试促进办法');
  });
});
