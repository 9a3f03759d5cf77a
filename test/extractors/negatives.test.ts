import { describe, expect, it } from 'vitest';
import { one } from '../helpers.js';

describe('what is not a fact', () => {
  it.each([
    ['certificates, forms and lists in 《》 are not citations', '持《中华人民共和国残疾人证（第二代）》的人员，填写《项目统计表》和《郑州市城镇人口密集区危险化学品生产企业分类清单》。'],
    ['a document speaking of itself (《规划》 undefined) is not a citation', '《规划》是我市国民经济与社会发展规划的重要组成部分。'],
    ['malformed numbers are not citations', '按照郑政〔18〕号和〔2018〕号文件执行。'],
  ])('%s', (_name, sentence) => {
    expect(one(sentence).citations).toEqual([]);
  });

  it.each([
    ['years', '到2020年运营里程突破300公里。', [300]],
    ['dates', '2018年4月7日起施行。', []],
    ['article numbers', '第二十六条 对于虚报、冒领等不正当手段套取奖补资金的项目单位。', []],
    ['line numbers', '轨道交通 2 号线二期土建工程主体竣工，5 号线工程实现空载试运行。', []],
    ['phone numbers', '联系电话：0371-67181234。', []],
    ['document numbers', '严格落实郑政〔2018〕25 号相关规定。', []],
  ])('%s are not amounts', (_name, sentence, values) => {
    expect(one(sentence).amounts.map((a) => a.value)).toEqual(values);
  });

  it.each([
    ['a statistics cut-off', '截至2015年底，全市查明资源储量的矿产37种。'],
    ['a past figure', '三次产业结构由2.4:96.6调整到2015年的11:13:76。'],
    ['a range of validity', '本办法适用于 2017 年 5 月至 2020 年 4 月期间的项目。'],
  ])('%s is not a deadline', (_name, sentence) => {
    expect(one(sentence).deadlines).toEqual([]);
  });

  it('headings and ordinary sentences yield no assignments', () => {
    expect(one('（四）进一步加强轨道交通组织领导\n\n市委、市政府督查机构负责对轨道交通建设进展情况进行督导。').assignments).toEqual([]);
  });
});
