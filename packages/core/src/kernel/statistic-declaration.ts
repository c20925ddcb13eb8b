import type { FieldNullability, InputFieldMap, SchemaTypes, TypeParam } from '@pothos/core';
import type { GraphQLField } from 'graphql';

/**
 * What a number in a statistics type is, declared on the field with the `statistic` option. The
 * kernel reads the declaration from the built schema and protects the figure for callers who see
 * suppressed statistics (NGO partners); everyone else gets it exactly as the resolver returns it.
 * Sibling names refer to fields of the same object type that take no arguments.
 *
 * - `'count'`: a number of units — households, people, loans, claims, payments. Int, nullable.
 * - `{ sum: 'loanCount' }`: a sum over the units that the named sibling count counts, withheld
 *   from partners whenever that count is. Money (amount lent over `loanCount`, rounded to the
 *   money unit) or an Int total of whole units (`decisionDays` over `decided`, rounded down to a
 *   multiple of k). Nullable. A day total, an area or an amount that belongs to counted cases must
 *   declare it: as a plain count it would be shown where the cases are withheld, and total ÷
 *   typical value would give their number back.
 * - `{ ratio: ['poorPeople', 'ruralPopulation'] }`: numerator ÷ denominator, both sibling
 *   statistics; partners get it computed from the published parts. Float, nullable. The field's
 *   own resolver still decides when there is no ratio (null) and gives everyone else the exact one.
 * - `{ groups: 'count' }`: a list of groups (loans by status…); partners do not see groups whose
 *   named count (a field of the item type) is withheld — a listed group would show it is not empty.
 * - `'public'`: not about people, or published anyway: census population, a project's budget, a
 *   fund's amount, a risk pool's own ledger, thresholds from configuration.
 *
 * In a statistics type every Int, Float and Money field (and every list of groups) declares one of
 * these; the suppression sweep test walks the schema and fails on a number that does not.
 */
export type StatisticDeclaration =
  | 'count'
  | 'public'
  | { readonly sum: string }
  | { readonly ratio: readonly [numerator: string, denominator: string] }
  | { readonly groups: string };

declare global {
  export namespace PothosSchemaTypes {
    interface FieldOptions<
      Types extends SchemaTypes,
      ParentShape,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveShape,
      ResolveReturnShape,
    > {
      /** What this number is, for small-count protection of partners' statistics (see `StatisticDeclaration`). */
      statistic?: StatisticDeclaration;
    }
  }
}

/** The statistic a field of the built schema declares, if any. */
export function statisticOf(field: GraphQLField<any, any>): StatisticDeclaration | undefined {
  const options = field.extensions?.pothosOptions as { statistic?: StatisticDeclaration } | undefined;
  return options?.statistic;
}

const PARTNER_NOTES = {
  count: ['（合作机构：少于k（默认5）不公布，其余向下取整到k的倍数）', 'For partners: withheld below k (5 by default), otherwise rounded down to a multiple of k.'],
  sum: [
    '（合作机构：少于k个单位的合计不公布，其余向下取整到金额单位，默认万元）',
    'For partners: withheld when summed over fewer than k units, otherwise rounded down to the money unit (10,000 yuan by default).',
  ],
  total: [
    '（合作机构：所属计数不公布时不公布，其余向下取整到k的倍数）',
    'For partners: withheld whenever the count it is summed over is, otherwise rounded down to a multiple of k.',
  ],
  ratio: ['（合作机构：按公布的分子、分母计算）', 'For partners: computed from the published numerator and denominator.'],
} as const;

/**
 * A statistic's bilingual description with how partners see it, so that every module says it the
 * same way: `statisticDescription('count', '贷款笔数', 'Loans disbursed')`.
 */
export function statisticDescription(kind: keyof typeof PARTNER_NOTES, zh: string, en: string): string {
  const [noteZh, noteEn] = PARTNER_NOTES[kind];
  return `${zh}${noteZh} ${en}. ${noteEn}`;
}
