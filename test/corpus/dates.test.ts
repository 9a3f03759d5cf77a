import { describe, expect, it } from 'vitest';
import { findDate } from '../../corpus/dates.js';

describe('findDate reads every printed form of a date', () => {
  it.each([
    ['2018年4月7日', '2018-04-07', 0, 9],
    ['二〇一八年四月七日', '2018-04-07', 0, 9],
    // 〇 printed as a circle, a letter O or a digit 0 (signatures of 新疆, 国务院 and 法院 texts).
    ['二○一二年一月九日', '2012-01-09', 0, 9],
    ['二O二O年三月三日', '2020-03-03', 0, 9],
    ['二0一五年十二月三十一日', '2015-12-31', 0, 12],
    // Metadata fields of disclosure pages and web exports.
    ['成文日期：2023-10-16', '2023-10-16', 5, 15],
    ['2023/10/16', '2023-10-16', 0, 10],
    ['2023.1.6 ', '2023-01-06', 0, 8],
  ])('%s → %s', (text, iso, index, end) => {
    expect(findDate(text)).toEqual({ iso, index, end });
  });

  it.each(['2023-10/16', '2023-13-01', '12.5.2023', '2023年'])('%s is not a date', (text) => {
    expect(findDate(text)).toBeNull();
  });

  it('the first date in the text wins, whatever its form', () => {
    expect(findDate('2020-03-03 印发，2020年3月4日发布')?.iso).toBe('2020-03-03');
    expect(findDate('2020年3月4日发布，2020-03-03')?.iso).toBe('2020-03-04');
  });

});
