import { describe, expect, it } from 'vitest';
import { canonicalDocNumber, findDocNumbers, sameOrder } from '../../corpus/docNumber.js';
import { normalizeChars } from '../../corpus/normalize.js';

describe('canonicalDocNumber: every printed variant gives one canonical form', () => {
  it.each([
    ['郑政〔2018〕25号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政[2018]25号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政［2018］25号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政﹝2018﹞25号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政（2018）25号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政(2018)25号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政〔２０１８〕２５号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政〔2018〕第25号', '郑政〔2018〕25号', { prefix: '郑政', year: 2018, serial: 25 }],
    ['郑政办〔2018〕44 号', '郑政办〔2018〕44号', { prefix: '郑政办', year: 2018, serial: 44 }],
    [' 郑政办 〔 2018 〕 44 号 ', '郑政办〔2018〕44号', { prefix: '郑政办', year: 2018, serial: 44 }],
    ['粤府办〔2020〕2号', '粤府办〔2020〕2号', { prefix: '粤府办', year: 2020, serial: 2 }],
    ['桂政办发〔2022〕10号', '桂政办发〔2022〕10号', { prefix: '桂政办发', year: 2022, serial: 10 }],
    ['唐优化营商办﹝2019﹞10号', '唐优化营商办〔2019〕10号', { prefix: '唐优化营商办', year: 2019, serial: 10 }],
    ['国办发〔2018〕128号', '国办发〔2018〕128号', { prefix: '国办发', year: 2018, serial: 128 }],
    ['国务院令第590号', '国务院令第590号', { prefix: '国务院令', year: null, serial: 590 }],
    ['国务院令 427 号', '国务院令第427号', { prefix: '国务院令', year: null, serial: 427 }],
    // A prefix holding a character that also ends running text (经, 由, 对) is kept whole when the string is a number.
    ['京经信发〔2022〕87号', '京经信发〔2022〕87号', { prefix: '京经信发', year: 2022, serial: 87 }],
    ['赣府厅发〔2020〕6号', '赣府厅发〔2020〕6号', { prefix: '赣府厅发', year: 2020, serial: 6 }],
    ['法释〔2015〕16号', '法释〔2015〕16号', { prefix: '法释', year: 2015, serial: 16 }],
    ['法释[2009]15号', '法释〔2009〕15号', { prefix: '法释', year: 2009, serial: 15 }],
    ['高检发释字〔2025〕1号', '高检发释字〔2025〕1号', { prefix: '高检发释字', year: 2025, serial: 1 }],
    ['法发〔1996〕30号', '法发〔1996〕30号', { prefix: '法发', year: 1996, serial: 30 }],
    // Orders drop the state's name; a long organ name stays as printed.
    ['中华人民共和国国务院令第76号', '国务院令第76号', { prefix: '国务院令', year: null, serial: 76 }],
    ['中华人民共和国财政部令第 41 号', '财政部令第41号', { prefix: '财政部令', year: null, serial: 41 }],
    ['中国证券监督管理委员会令第19号', '中国证券监督管理委员会令第19号', { prefix: '中国证券监督管理委员会令', year: null, serial: 19 }],
    // 原 (former) names an organ since renamed: the number is the organ's.
    ['原卫生部令第45号', '卫生部令第45号', { prefix: '卫生部令', year: null, serial: 45 }],
    ['原中华人民共和国国家发展计划委员会令第8号', '国家发展计划委员会令第8号', { prefix: '国家发展计划委员会令', year: null, serial: 8 }],
    // …but 原 also opens real 机关代字 (原平市): before a year-number it stays.
    ['原政发〔2020〕5号', '原政发〔2020〕5号', { prefix: '原政发', year: 2020, serial: 5 }],
    // A code with its own parentheses (1980s–90s forms of both courts): the whole code, full-width.
    ['法（研）发〔1987〕32号', '法（研）发〔1987〕32号', { prefix: '法（研）发', year: 1987, serial: 32 }],
    ['高检(研)发[1991]5号', '高检（研）发〔1991〕5号', { prefix: '高检（研）发', year: 1991, serial: 5 }],
    ['法（经）发（1993）8号', '法（经）发〔1993〕8号', { prefix: '法（经）发', year: 1993, serial: 8 }],
  ])('%s → %s', (raw, canonical, parts) => {
    const m = canonicalDocNumber(raw)!;
    expect(m.canonical).toBe(canonical);
    expect({ prefix: m.prefix, year: m.year, serial: m.serial }).toEqual(parts);
  });

  it.each(['郑政〔18〕号', '〔2018〕号', '郑政〔2018〕号', '2018年4月7日', '第二十六条'])('%s is not a document number', (raw) => {
    expect(canonicalDocNumber(raw)).toBeNull();
  });
});

describe('findDocNumbers in running text (normalised)', () => {
  it.each([
    ['1. 严格落实郑政〔2018〕25 号相关规定，奖补性资金全额用于项目建设', ['郑政〔2018〕25号']],
    ['郑发〔2017〕17号文提出了建设“轨道上的郑州”的决策部署', ['郑发〔2017〕17号']],
    ['按照《财政违法行为处罚处分条例》（国务院令 427 号）的相关规定进行处理。', ['国务院令第427号']],
    ['《中国（河南）自由贸易试验区总体方案》（国发〔2017〕17 号）、《中国（河南）自由贸易试验区建设实施方案》（豫政〔2017〕12 号）', ['国发〔2017〕17号', '豫政〔2017〕12号']],
    // Three numbers that share a serial stay three documents.
    ['郑发〔2017〕17号、国发〔2017〕17号和郑政办〔2017〕17号', ['郑发〔2017〕17号', '国发〔2017〕17号', '郑政办〔2017〕17号']],
    ['依据《长江河道采砂管理条例》（中华人民共和国国务院令第320号）', ['国务院令第320号']],
    ['按照国家市场监督管理总局令第56号执行；参照中国证券监督管理委员会令第19号', ['国家市场监督管理总局令第56号', '中国证券监督管理委员会令第19号']],
    // A code's own parentheses stay in it, whatever bracket the citation itself opens with.
    ['《关于测试的解释》（法（研）发〔1987〕32号）同时废止', ['法（研）发〔1987〕32号']],
    ['《关于测试的通知》(高检（研）发〔1990〕3号)和法（办）发〔1988〕4号', ['高检（研）发〔1990〕3号', '法（办）发〔1988〕4号']],
    // Brackets closing words of the text are no part of a code: its run starts after them.
    ['依照测试办法（试行）国发〔2020〕9号执行', ['国发〔2020〕9号']],
  ])('%s', (line, expected) => {
    expect(findDocNumbers(normalizeChars(line).text).map((m) => m.canonical)).toEqual(expected);
  });
});

describe('sameOrder: one order printed with a shorter organ; year numbers only when equal', () => {
  it.each([
    ['江西省人民政府令第223号', '省人民政府令第223号', true],
    ['国务院令第707号', '国令第707号', true],
    ['国务院令第707号', '国务院令第708号', false],
    ['国发〔2020〕1号', '国发〔2020〕11号', false],
    ['国发〔2020〕1号', '国办发〔2020〕1号', false],
    ['粤府办〔2020〕2号', '粤府办〔2020〕2号', true],
  ] as const)('%s ~ %s: %s', (a, b, same) => {
    expect(sameOrder(a, b)).toBe(same);
    expect(sameOrder(b, a)).toBe(same);
  });
});
