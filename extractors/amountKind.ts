import type { Amount } from '../graph/model.js';

/**
 * What an amount is, so money per decree sums honestly: a budget is money set aside, a subsidy money paid
 * out (or its cap), an estimate a cost foreseen, a threshold a condition or a target to reach; a rate is
 * money per unit (`per` says per what) and never sums.
 */
// Rates: 每人每月30元, 每千瓦1000元, 每年安排2亿元 — the 每… chain stands a few characters before the number.
const PER_BEFORE = /((?:每(?:个)?(?:平方米|平方公里|立方米|千瓦时|千瓦|公里|千米|公顷|吨|亩|米|人次|人|户|家|个|项|套|辆|台|床|年度|年|季度|月|周|天|日))+)[^，。；、,;\d每]{0,5}$/;
const PER_UNIT = /每(?:个)?(平方米|平方公里|立方米|千瓦时|千瓦|公里|千米|公顷|吨|亩|米|人次|人|户|家|个|项|套|辆|台|床|年度|年|季度|月|周|天|日)/g;
// Said of the amount's own clause: a cost foreseen; a condition (投资额在5000万元以上的, 首次突破) or a target (达600亿元).
const ESTIMATE = /估算|概算|预计投资|预算投资|估算投资|投资估算/;
const THRESHOLD_CLAUSE = /突破|不足|首次|(?:以上|以下|及以上|及以下)的|达到?[^，。；]{0,6}$/;
const THRESHOLD_QUALIFIER = new Set(['达到', '达', '突破']);
// Said anywhere in its sentence.
const SUBSIDY = /补助|奖补|奖励|补贴|资助|贴息|补偿|发放|给予|扶持/;
const BUDGET = /安排|设立|投入|预算|保证金|筹集|拨付|专项资金|资本金|出资/;

/** The units an amount is per: 每人每月30元 → [人, 月]; 120万元/公里 → [公里]. */
export function perUnits(before: string, unit: string): string[] {
  const chain = PER_BEFORE.exec(before)?.[1] ?? '';
  const per = [...chain.matchAll(PER_UNIT)].map((m) => (m[1] === '年度' ? '年' : m[1]!));
  const slash = unit.split('/').slice(1);
  return [...new Set([...per, ...slash])];
}

/**
 * `upTo`: the clause up to the amount (and 以上的 after it); `clause`: all of it; `sentence`: around it.
 * The nearest cue wins: 每年安排不少于2亿元的资金 is a budget although its sentence speaks of 扶持.
 */
export function amountKind(a: Pick<Amount, 'unit' | 'qualifier'>, per: string[], upTo: string, clause: string, sentence: string): Amount['kind'] {
  const money = /^(?:元|美元)/.test(a.unit);
  if (money && ESTIMATE.test(upTo)) return 'estimate';
  if (THRESHOLD_CLAUSE.test(upTo) || (a.qualifier && THRESHOLD_QUALIFIER.has(a.qualifier))) return 'threshold';
  if (!money) return per.length ? 'rate' : 'other';
  // 每年安排2亿元 is a yearly budget; 每平方米每月30元 a rate of something else.
  const budget = (text: string) => BUDGET.test(text) && per.every((p) => p === '年');
  for (const text of [clause, sentence]) {
    if (budget(text)) return 'budget';
    if (SUBSIDY.test(text)) return 'subsidy';
  }
  return per.length ? 'rate' : 'other';
}
