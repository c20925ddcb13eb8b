import { statisticOf } from '@tuopin/core';
import { getNamedType, Kind, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { FINANCE_BLOCKS, type FinanceBlock } from './finance-stats.sql.js';

/**
 * The blocks of the statistics statement each field of FinanceStats reads for its own value. A
 * field not listed here (one another plugin adds, say) reads every block. What a field's
 * protection reads besides is derived from its declaration (`protectionFields`).
 */
const FIELD_BLOCKS: Readonly<Record<string, readonly FinanceBlock[]>> = {
  __typename: [],
  asOf: [],
  registeredHouseholds: ['households'],
  ratedHouseholds: ['rated'],
  ratedRate: ['rated', 'households'],
  householdsByGrade: ['grade'],
  creditLineHouseholds: ['lines'],
  creditLineRate: ['lines', 'households'],
  creditLinePeople: ['linePeople'],
  creditGranted: ['lines'],
  loanCount: ['loans'],
  borrowingHouseholds: ['borrowers'],
  amountLent: ['loans'],
  outstandingLoans: ['loans'],
  outstandingHouseholds: ['loanHouseholds'],
  outstanding: ['loans'],
  // Each status's households are a field of the group, and what partners' groups are withheld by.
  loansByStatus: ['loans', 'loanHouseholds'],
  overdueLoans: ['loans'],
  overdueHouseholds: ['loanHouseholds'],
  overdueOutstanding: ['loans'],
  overdueRate: ['loans'],
  defaultedLoans: ['loans'],
  defaultedHouseholds: ['loanHouseholds'],
  defaultedOutstanding: ['loans'],
  defaultRate: ['loans'],
  subsidyPayments: ['subsidies'],
  subsidisedHouseholds: ['subsidyHouseholds'],
  subsidiesPaid: ['subsidies'],
  riskPoolBalance: ['pools'],
  lendingCapacity: ['pools'],
  lendingCapacityUsed: ['loans', 'pools'],
  riskPoolCoverage: ['pools', 'loans'],
  riskClaims: ['claims'],
  claimHouseholds: ['claimHouseholds'],
  riskClaimsPaid: ['claims'],
  poolHeadroom: ['pools', 'loans'],
};

/**
 * The sibling fields a field's small-count protection reads, from its `statistic` declaration in
 * the built schema: a sum's count, each part of a ratio, and what protects those in turn. Only
 * callers whose statistics are protected need them; others get the exact figure.
 */
function protectionFields(type: GraphQLObjectType, name: string, into: Set<string>): void {
  const field = type.getFields()[name];
  const declaration = field && statisticOf(field);
  if (!declaration || typeof declaration === 'string') return;
  // A list's groups are withheld by a field of the item type, which the list's own blocks read.
  const parts = 'sum' in declaration ? [declaration.sum] : 'ratio' in declaration ? declaration.ratio : [];
  for (const part of parts) {
    if (into.has(part)) continue;
    into.add(part);
    protectionFields(type, part, into);
  }
}

/** Every block but `rated`: the grades give the rated households too, and counting them twice would be waste. */
const EVERY_BLOCK = FINANCE_BLOCKS.filter((block) => block !== 'rated');

function collectFieldNames(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, names: Set<string>, seen: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectFieldNames(info, selection.selectionSet, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment) collectFieldNames(info, fragment.selectionSet, names, seen);
    }
  }
}

/**
 * The blocks the fields selected under this `finance` field read, in the statement's order: the
 * statement computes only those (a province's report of its loans does not rank every rating),
 * with those their protection reads when the caller's figures are `protectedFigures`.
 * `@skip`/`@include` are not evaluated: a field under one counts as selected.
 */
export function blocksRead(info: GraphQLResolveInfo, protectedFigures: boolean): readonly FinanceBlock[] {
  const names = new Set<string>();
  for (const node of info.fieldNodes) if (node.selectionSet) collectFieldNames(info, node.selectionSet, names, new Set());
  if (protectedFigures) {
    const type = getNamedType(info.returnType) as GraphQLObjectType;
    for (const name of [...names]) protectionFields(type, name, names);
  }
  const blocks = new Set<FinanceBlock>();
  for (const name of names) {
    const read = FIELD_BLOCKS[name];
    if (read === undefined) return EVERY_BLOCK;
    for (const block of read) blocks.add(block);
  }
  if (blocks.has('grade')) blocks.delete('rated'); // the grades count the rated households too
  return FINANCE_BLOCKS.filter((block) => blocks.has(block));
}
