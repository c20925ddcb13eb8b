import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { FINANCE_BLOCKS, type FinanceBlock } from './finance-stats.loader.js';

/**
 * The blocks of the statistics statement each field of FinanceStats reads, with those its
 * small-count protection reads beside it (a sum's count, a ratio's parts, resolved on the same
 * object). A field not listed here (one another plugin adds, say) reads every block.
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
  amountLent: ['loans', 'borrowers'],
  outstandingLoans: ['loans'],
  outstanding: ['loans'],
  loansByStatus: ['loans'],
  overdueLoans: ['loans'],
  overdueOutstanding: ['loans'],
  overdueRate: ['loans'],
  defaultedLoans: ['loans'],
  defaultedOutstanding: ['loans'],
  defaultRate: ['loans'],
  subsidyPayments: ['subsidies'],
  subsidiesPaid: ['subsidies'],
  riskPoolBalance: ['pools'],
  lendingCapacity: ['pools'],
  lendingCapacityUsed: ['loans', 'pools'],
  riskPoolCoverage: ['pools', 'loans'],
  riskClaims: ['claims'],
  riskClaimsPaid: ['claims'],
  poolHeadroom: ['pools', 'loans'],
};

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
 * statement computes only those (a province's report of its loans does not rank every rating).
 * `@skip`/`@include` are not evaluated: a field under one counts as selected.
 */
export function blocksRead(info: GraphQLResolveInfo): readonly FinanceBlock[] {
  const names = new Set<string>();
  for (const node of info.fieldNodes) if (node.selectionSet) collectFieldNames(info, node.selectionSet, names, new Set());
  const blocks = new Set<FinanceBlock>();
  for (const name of names) {
    const read = FIELD_BLOCKS[name];
    if (read === undefined) return EVERY_BLOCK;
    for (const block of read) blocks.add(block);
  }
  if (blocks.has('grade')) blocks.delete('rated'); // the grades count the rated households too
  return FINANCE_BLOCKS.filter((block) => blocks.has(block));
}
