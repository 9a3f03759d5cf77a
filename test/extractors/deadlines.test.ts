import { describe, expect, it } from 'vitest';
import { gazetteOf, one, recordsOf } from '../helpers.js';

const due = (body: string) => one(body).deadlines.map((d) => ({ text: d.text, date: d.date, precision: d.precision, dueDate: d.dueDate, kind: d.kind }));

describe('deadlines: stated date, precision and the day it falls due (reference: the document, 2018-04-07)', () => {
  it.each([
    // Sentences of the sample.
    ['各单位于4月25日前报送。', ['4月25日前', '2018-04-25', 'day', '2018-04-25']],
    ['2018年9月底前完成。', ['2018年9月底前', '2018-09', 'month', '2018-09-30']],
    ['2018年4月前完成改造2000户。', ['2018年4月前', '2018-04', 'month', '2018-04-30']],
    ['2018年底前，中心城区新建公厕1450座。', ['2018年底前', '2018', 'year', '2018-12-31']],
    ['年底前，总结建设经验。', ['年底前', '2018', 'year', '2018-12-31']],
    ['2019年6月份前建成并试运行。', ['2019年6月份前', '2019-06', 'month', '2019-06-30']],
    ['争取2020年前建成一批可再生能源供暖项目。', ['2020年前', '2020', 'year', '2020-12-31']],
    // Synthetic, other issuers' forms.
    ['2019年第三季度前完成全部验收。', ['2019年第三季度前', '2019-Q3', 'quarter', '2019-09-30']],
    ['二季度末前完成摸底。', ['二季度末前', '2018-Q2', 'quarter', '2018-06-30']],
    ['2020年2月底前完成。', ['2020年2月底前', '2020-02', 'month', '2020-02-29']],
  ])('%s', (sentence, [text, date, precision, dueDate]) => {
    expect(due(sentence)).toEqual([{ text, date, precision, dueDate, kind: 'deadline' }]);
  });

  it('recurring deadlines and durations have no date', () => {
    expect(one('每月20日前报送上月进展情况。').deadlines[0]).toMatchObject({ date: null, dueDate: null, recurrence: { every: 'monthly', day: 20 } });
    expect(one('每年3月31日前报送年度报告。').deadlines[0]).toMatchObject({ recurrence: { every: 'yearly', month: 3, day: 31 }, recipients: [] });
    expect(one('每周五前报送本周进展情况。').deadlines[0]).toMatchObject({ recurrence: { every: 'weekly', weekday: 5 } });
    expect(one('在收到申请后15个工作日内办结。').deadlines[0]).toMatchObject({ date: null, dueDate: null, duration: { value: 15, unit: '工作日' }, text: '15个工作日内' });
  });
});

describe('targets to reach by a year are not deadlines', () => {
  it.each([
    // The sample, 郑政〔2018〕19号 and 郑政办〔2018〕45号.
    ['到2020年运营里程突破300公里。', '到2020年', '到2020年运营里程突破300公里'],
    ['至2020年，城镇污水处理率保持在95%以上。', '至2020年', '至2020年，城镇污水处理率保持在95%以上'],
    // Synthetic, 粤 and 京 forms.
    ['（二）到2025年，全省展览业年均增长率达到10%。', '到2025年', '到2025年，全省展览业年均增长率达到10%'],
    ['1. 到2022年，本市软件和信息服务业营业收入达到2万亿元。', '到2022年', '到2022年，本市软件和信息服务业营业收入达到2万亿元'],
  ])('%s', (sentence, text, what) => {
    expect(one(sentence).deadlines.map((d) => [d.text, d.kind, d.dueDate, d.what])).toEqual([[text, 'target', `${text.slice(1, 5)}-12-31`, what]]);
  });

  it('a range of years is neither (从2017年到2020年)', () => {
    expect(one('考核工作从2017年到2020年，每年开展一次。').deadlines).toEqual([]);
  });
});

describe('what is due, and to whom a report goes', () => {
  const facts = (body: string) => one(body).deadlines.map((d) => ({ text: d.text, what: d.what, recipients: d.recipients.map((r) => [r.agency, r.agencyId]) }));

  it.each([
    [
      // The sample, 郑政办文〔2018〕25号.
      '各县（市、区）政府要于每季度第一个月5日前将上一季度工作进展情况报送市工信委、市安监局。',
      { text: '每季度第一个月5日前', what: '各县（市、区）政府要于每季度第一个月5日前将上一季度工作进展情况报送市工信委、市安监局', recipients: [['市工信委', 'agency:郑州市工业和信息化委员会'], ['市安监局', 'agency:郑州市安全生产监督管理局']] },
    ],
    [
      // The sample, 郑政文〔2018〕92号: the office's other name in parentheses is not a second recipient.
      '每月 20 日前，各县（市、区）政府要将清洁取暖工作完成情况报送市清洁取暖试点城市申报和建设工作领导小组办公室（市发展改革委）。',
      { text: '每月 20 日前', what: '每月20日前，各县（市、区）政府要将清洁取暖工作完成情况报送市清洁取暖试点城市申报和建设工作领导小组办公室（市发展改革委）', recipients: [['市清洁取暖试点城市申报和建设工作领导小组办公室', 'agency:郑州市清洁取暖试点城市申报和建设工作领导小组办公室']] },
    ],
    [
      '2018年底前，完成马头岗污水处理厂再生水水质提标工程。',
      { text: '2018年底前', what: '2018年底前，完成马头岗污水处理厂再生水水质提标工程', recipients: [] },
    ],
  ])('%s', (sentence, expected) => {
    expect(facts(sentence)).toEqual([expected]);
  });

  it.each([
    // Synthetic: a 广东 and a 北京 document, recipients resolved against each issuer's place.
    ['广东省人民政府办公厅\n\n关于测试的通知\n\n粤府办〔2020〕2号 2020年3月1日\n\n', '各地级以上市于每月10日前向省商务厅报送工作进展。', [['省商务厅', 'agency:广东省商务厅']]],
    ['国务院办公厅\n\n关于测试的通知\n\n国办发〔2018〕99号 2018年12月1日\n\n', '2021年3月底前，试点城市政府形成试点工作总结报告报送生态环境部。', [['生态环境部', 'agency:生态环境部']]],
    ['北京市人民政府办公厅\n\n关于测试的通知\n\n京政办发〔2022〕5号 2022年5月1日\n\n', '各区于每季度末前将统计数据报送市经济和信息化局、市统计局。', [['市经济和信息化局', 'agency:北京市经济和信息化局'], ['市统计局', 'agency:北京市统计局']]],
  ])('%s', (header, body, recipients) => {
    const [d] = recordsOf(gazetteOf(body, header));
    expect(d!.deadlines.map((x) => x.recipients.map((r) => [r.agency, r.agencyId]))).toEqual([recipients]);
  });

  it('a deadline in a task shares the task id of its agencies', () => {
    const d = one('（一）推进老旧小区改造\n\n2018年3月底前，完成老旧小区的摸底排查工作。\n\n牵头单位：市城建委');
    expect(d.deadlines[0]!.taskId).toBe(d.assignments[0]!.taskId);
  });
});
