import { describe, expect, it } from 'vitest';
import { one } from '../helpers.js';

/**
 * Forms of 司法解释 and 批复 texts (synthetic sentences, one per form, issuers of both courts and of
 * other bodies): numbers cited with a short name defined inside their parentheses, 批复 requests, and the
 * repeal wordings of a 解释's last article.
 */
const rel = (body: string) => one(body).citations.map((c) => [c.docNumber ?? c.title, c.relation]);

describe('a number whose parentheses also define a short name', () => {
  it.each([
    [
      '现决定对最高人民法院《关于审理测试甲案件若干问题的解释》（法释〔2008〕5号，以下简称《解释》）作如下修改：一、删除《解释》第一条第二项。',
      '法释〔2008〕5号',
    ],
    [
      '现决定对《最高人民检察院关于测试乙问题的规定》（高检发释字〔2001〕4号，以下简称《规定》）作如下修改。',
      '高检发释字〔2001〕4号',
    ],
    ['省政府决定对《某省测试丙管理办法》（粤府〔2019〕5号,以下简称“办法”）修改如下。', '粤府〔2019〕5号'],
  ])('%s', (sentence, number) => {
    const cs = one(sentence).citations;
    expect(cs[0]!.docNumber).toBe(number);
    // The short name stands for the same document afterwards.
    expect(cs.every((c) => c.docNumber === number)).toBe(true);
  });

  it('the defined short name is the title of the later mention', () => {
    const cs = one('现决定对最高人民法院《关于审理测试甲案件若干问题的解释》（法释〔2008〕5号，以下简称《解释》）作如下修改：一、删除《解释》第一条第二项。').citations;
    expect(cs.map((c) => [c.title, c.text])).toEqual([
      ['关于审理测试甲案件若干问题的解释', '《关于审理测试甲案件若干问题的解释》（法释〔2008〕5号，以下简称《解释》）'],
      ['关于审理测试甲案件若干问题的解释', '《解释》'],
    ]);
  });
});

describe('repeal wordings of a 解释, a 规定 and a 办法', () => {
  it.each([
    ['本解释自2024年12月1日起施行。《最高人民法院关于审理测试案件的解释》（法释〔2015〕16号）同时废止。', [['法释〔2015〕16号', 'repeals']]],
    ['《最高人民检察院关于测试的规定》（高检发释字〔2001〕2号）自本规定施行之日起废止。', [['高检发释字〔2001〕2号', 'repeals']]],
    ['《最高人民法院关于测试的批复》（法释〔2000〕37号）自本解释公布之日起不再适用。', [['法释〔2000〕37号', 'repeals']]],
    ['《北京市测试管理办法》（京政发〔2010〕3号）自本办法施行之日起停止执行。', [['京政发〔2010〕3号', 'repeals']]],
  ])('%s', (sentence, expected) => {
    expect(rel(sentence)).toEqual(expected);
  });

  it('a law applied after a repeal is not repealed with it', () => {
    expect(rel('《测试甲解释》（法释〔2013〕12号）同时废止；之前发布的司法解释与本解释不一致的，以本解释为准。根据《中华人民共和国刑法》定罪。')).toEqual([
      ['法释〔2013〕12号', 'repeals'],
      ['中华人民共和国刑法', 'basis'],
    ]);
  });
});

describe('a 批复 cites the request it answers', () => {
  it.each([
    ['北京市高级人民法院：你院《关于测试问题的请示》（京高法〔2019〕12号）收悉。经研究，批复如下：', '京高法〔2019〕12号'],
    ['广东省人民检察院：你院粤检发〔2020〕8号请示收悉。经研究，批复如下：', '粤检发〔2020〕8号'],
  ])('%s', (sentence, number) => {
    expect(rel(sentence)).toEqual([[number, 'mentions']]);
  });
});

describe('a number printed in ASCII parentheses after its title', () => {
  it('is the title\'s number (《…（二）》(法释〔2016〕17号))', () => {
    const cs = one('定罪量刑标准适用《最高人民法院关于审理测试案件若干问题的规定（二）》(法释〔2016〕17号)的相关规定。').citations;
    expect(cs.map((c) => [c.docNumber, c.title])).toEqual([['法释〔2016〕17号', '最高人民法院关于审理测试案件若干问题的规定（二）']]);
  });
});

describe('a number whose issuer code has parentheses of its own', () => {
  it.each([
    ['《最高人民法院关于测试甲问题的解释》（法（研）发〔1987〕32号）同时废止。', [['法（研）发〔1987〕32号', 'repeals']]],
    ['根据《最高人民检察院关于测试乙问题的通知》（高检（研）发〔1991〕5号）的规定办理。', [['高检（研）发〔1991〕5号', 'basis']]],
    ['《某省测试丙管理办法（试行）》（粤府〔2019〕5号）同时废止。', [['粤府〔2019〕5号', 'repeals']]],
  ])('%s', (sentence, expected) => {
    expect(rel(sentence)).toEqual(expected);
  });
});

describe('a list of repealed texts joined by ，and 以及, each entry after its issuing bodies', () => {
  it.each([
    [
      '最高人民法院、最高人民检察院《关于测试甲的解释》（法释〔2001〕3号），最高人民法院《关于测试乙的规定》（法发〔2002〕7号）以及《关于测试丙的通知》（法（研）发〔1988〕4号）同时废止。',
      [['法释〔2001〕3号', 'repeals'], ['法发〔2002〕7号', 'repeals'], ['法（研）发〔1988〕4号', 'repeals']],
    ],
    [
      '最高人民检察院《关于测试丁的规定》（高检发释字〔1999〕2号），以及最高人民检察院、公安部《关于测试戊的通知》（高检会〔2003〕1号）不再适用。',
      [['高检发释字〔1999〕2号', 'repeals'], ['高检会〔2003〕1号', 'repeals']],
    ],
    [
      '省人民政府《某省测试己办法》（粤府〔2010〕3号），省人民政府办公厅《某省测试庚规定》（粤府办〔2012〕9号）同时废止。',
      [['粤府〔2010〕3号', 'repeals'], ['粤府办〔2012〕9号', 'repeals']],
    ],
  ])('%s', (sentence, expected) => {
    expect(rel(sentence)).toEqual(expected);
  });

  it.each([
    // A text governed by its own relation word is not swept into the repeal that follows it.
    [
      '根据《关于测试甲的解释》（法释〔2001〕3号），《关于测试乙的规定》（法发〔2002〕7号）同时废止。',
      [['法释〔2001〕3号', 'basis'], ['法发〔2002〕7号', 'repeals']],
    ],
    // Words of a clause between the texts end the list.
    [
      '《北京市测试办法》（京政发〔2010〕3号）规定的期限届满，《北京市测试细则》（京政发〔2011〕5号）同时废止。',
      [['京政发〔2010〕3号', 'mentions'], ['京政发〔2011〕5号', 'repeals']],
    ],
    // A title with no number is a mention of a text, not an entry of the list.
    [
      '本解释与《中华人民共和国刑法》，最高人民法院《关于测试丙的通知》（法发〔1999〕2号）同时废止。',
      [['中华人民共和国刑法', 'mentions'], ['法发〔1999〕2号', 'repeals']],
    ],
  ])('%s', (sentence, expected) => {
    expect(rel(sentence)).toEqual(expected);
  });
});

describe('a 通则 in the state\'s name is a law', () => {
  const kinds = (body: string) => one(body).citations.map((c) => [c.title, c.kind, c.relation]);
  it.each([
    ['根据《中华人民共和国民法通则》《中华人民共和国刑法》的规定，制定本解释。', [['中华人民共和国民法通则', 'law', 'basis'], ['中华人民共和国刑法', 'law', 'basis']]],
    ['依照《中华人民共和国测试通则》第五条处理。', [['中华人民共和国测试通则', 'law', 'basis']]],
    // A ministry's 通则 cited by its order number is that order, not a law.
    ['按照《企业测试通则》（财政部令第41号）执行。', [['企业测试通则', 'order', 'basis']]],
  ])('%s', (sentence, expected) => {
    expect(kinds(sentence)).toEqual(expected);
  });
});
