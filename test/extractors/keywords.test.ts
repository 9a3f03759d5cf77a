import { describe, expect, it } from 'vitest';
import { keywordsOf } from '../../extractors/keywords.js';
import { exportFor, sampleText } from '../helpers.js';

describe('keywords are words about the document', () => {
  const exp = exportFor('k.txt', sampleText());
  const all = exp.documents.flatMap((d) => d.keywords.map((k) => k.word));

  it.each(['由市', '完成', '建设', '牵头', '我市', '郑州', '郑州市', '市城管局', '市发展改革委', '万平方米', '二是', '各区'])('no document of the sample has %s', (word) => {
    expect(all).not.toContain(word);
  });

  it('the sample\'s topics stay: 轨道交通, 集中供热, 农民工, 会展业', () => {
    const words = (id: string) => exp.documents.find((d) => d.id === id)!.keywords.map((k) => k.word);
    expect(words('郑政〔2018〕19号')).toContain('轨道交通');
    expect(words('郑政文〔2018〕92号')).toContain('集中供热');
    expect(words('郑政办文〔2018〕27号')).toContain('农民工');
    expect(words('郑政办〔2018〕46号')).toContain('会展业');
  });

  it('the same filters on other places\' bodies (synthetic 广州 and 北京 lines)', () => {
    const gz = keywordsOf('由市商务局负责，广州市各区推进展会建设。展会补贴按每平方米50元发放，二是加快建设会展场馆，会展场馆由市财政安排资金。', 5).map((k) => k.word);
    expect(gz).toContain('展会');
    for (const w of ['由市', '广州', '市商务局', '建设', '二是']) expect(gz).not.toContain(w);
    const bj = keywordsOf('北京市经济和信息化局负责推进软件和信息服务业发展，软件企业由市经济和信息化局认定，北京市软件产业营业收入。', 5).map((k) => k.word);
    expect(bj).toContain('软件');
    for (const w of ['北京', '由市', '发展']) expect(bj).not.toContain(w);
  });
});
