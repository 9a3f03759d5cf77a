import { describe, expect, it } from 'vitest';
import { gazetteOf, one, recordsOf } from '../helpers.js';

const kinds = (body: string) => one(body).amounts.map((a) => [a.text, a.value, a.kind, a.per]);

describe('amounts say what they are, and what they are per', () => {
  it.each([
    // Sentences of the sample.
    ['按照每人每月30元的标准，发放通讯信息消费补贴。', [['30元', 30, 'subsidy', ['人', '月']]]],
    ['按照建设项目装机容量每千瓦1000元进行奖补，且单个项目不超过3000万元和项目总投资的10%。', [['1000元', 1000, 'subsidy', ['千瓦']], ['不超过3000万元', 30000000, 'subsidy', []], ['10%', 10, 'other', []]]],
    ['县乡道二级120万元/公里，参照省补助标准进行资金补助。', [['120万元/公里', 1200000, 'subsidy', ['公里']]]],
    ['由市级财政每年安排不少于2亿元的资金，集中设立市级文化产业发展专项资金。', [['不少于2亿元', 200000000, 'budget', ['年']]]],
    ['供热改造估算投资约8亿元，由华润登封电厂负责实施。', [['约8亿元', 800000000, 'estimate', []]]],
    ['对于投资额在5000万元以上的文化产业重点项目用地，可分期缴纳土地出让金。', [['5000万元以上', 50000000, 'threshold', []]]],
    ['对于年营业收入首次突破2000万元、1亿元的企业，给予一定奖励。', [['突破2000万元', 20000000, 'threshold', []], ['1亿元', 100000000, 'threshold', []]]],
    ['会展业带动经济社会效益达600亿元。', [['达600亿元', 60000000000, 'threshold', []]]],
    ['按被征收人房屋建筑面积每平方米每月30元的标准发给被征收人临时安置费，不足1800元的，按照1800元发放。', [['30元', 30, 'subsidy', ['平方米', '月']], ['1800元', 1800, 'threshold', []], ['1800元', 1800, 'subsidy', []]]],
    ['市领导小组办公室原则上每月召开一次会议。', [['一次', 1, 'rate', ['月']]]],
  ])('%s', (sentence, expected) => {
    expect(kinds(sentence)).toEqual(expected);
  });

  it.each([
    // Synthetic: a 广东 subsidy rate, a 北京 budget, a 国务院 estimate.
    ['广东省人民政府办公厅\n\n关于测试的通知\n\n粤府办〔2020〕2号 2020年3月1日\n\n', '对新认定的展会按每平方米50元给予补贴，单个展会最高不超过100万元。', [['50元', 'subsidy', ['平方米']], ['不超过100万元', 'subsidy', []]]],
    ['北京市人民政府办公厅\n\n关于测试的通知\n\n京政办发〔2022〕5号 2022年5月1日\n\n', '市级财政每年安排5000万元专项资金。', [['5000万元', 'budget', ['年']]]],
    ['国务院\n\n关于测试的通知\n\n国发〔2021〕3号 2021年2月1日\n\n', '项目总投资预计投资约120亿元。', [['约120亿元', 'estimate', []]]],
  ])('%s', (header, body, expected) => {
    expect(recordsOf(gazetteOf(body, header))[0]!.amounts.map((a) => [a.text, a.kind, a.per])).toEqual(expected);
  });

  it('money per decree sums only plain sums (per is empty) of budgets, subsidies and estimates', () => {
    const d = one('每年安排1.5亿元。估算投资约3亿元。按照40元/平方米给予奖补，单个项目不超过5000万元。');
    const sum = d.amounts.filter((a) => a.per.length === 0 && /^元/.test(a.unit)).reduce((n, a) => n + a.value, 0);
    expect(sum).toBe(300000000 + 50000000);
  });
});
