/**
 * The relocation demo's figures: the township of the reports 篇2 and 篇5 (示范镇, 809901101000, in
 * 示范县 of the synthetic 合成省), which "几年来共扶贫搬迁94户456人，集中安置30户135人" — so 64
 * households and 321 people scattered — the site in the township seat. Dates, statuses, support
 * and amounts beyond those figures are synthetic, chosen to look like a county's records of
 * 2016–2018; the subsidy amounts are demo money of a synthetic province, not a national standard.
 */
export const SHIFAN_TOWNSHIP = '809901101000';
export const SHIFAN_COUNTY = '809901000000';

export const RELOCATED = { households: 94, people: 456 } as const;
export const CENTRALISED = { households: 30, people: 135 } as const;

export const SITE = {
  name: '示范镇集镇易地扶贫搬迁安置点',
  plannedHouseholds: 30,
  plannedPeople: 135,
  /** Two more flats than households: built, not yet assigned. */
  plannedFlats: 32,
  freeFlatArea: '90.00',
  planYear: 2016,
} as const;

/** Where the relocated households stand at the end of the demo (the rest are reclaimed). */
export const OUTCOMES = {
  /** Moved in, old house not yet demolished: due. */
  movedIn: 6,
  /** Demolished, homestead not yet reclaimed. */
  demolished: 8,
  /** Kept with the county's approval. */
  retained: [
    { reason: 'JOINED_TO_NEIGHBOUR', approvalNo: '示发改〔2018〕21号' },
    { reason: 'JOINED_TO_NEIGHBOUR', approvalNo: '示发改〔2018〕21号' },
    { reason: 'ETHNIC_VILLAGE', approvalNo: '示发改〔2018〕22号' },
    { reason: 'ETHNIC_VILLAGE', approvalNo: '示发改〔2018〕22号' },
  ],
} as const;

/** Subsidies per person moved, paid from two funds through the county's relocation programme. */
export const SUBSIDY_FUNDS = [
  { sourceType: 'CENTRAL_FISCAL', name: '易地扶贫搬迁中央预算内投资（示范县）', documentNo: '发改投资〔2016〕101号', perPerson: '6000.00', provider: '国家发展改革委' },
  { sourceType: 'PROVINCIAL_FISCAL', name: '易地扶贫搬迁省级补助资金（示范县）', documentNo: '合发改〔2016〕35号', perPerson: '2000.00', provider: '合成省发展改革委' },
] as const;

/** Self-raised money per household (no debt from building): small, by mode. */
export const SELF_RAISED = { CENTRALISED: '1000.00', SCATTERED: '2000.00' } as const;

/** Floor area of a home: within 25 m² a person, a little under it. */
export function homeArea(people: number): string {
  return `${Math.min(25 * people, 20 * people + 10)}.00`;
}

/**
 * People moved of each chosen household so that the groups add up to the report's figures:
 * everyone moves, then the largest households leave members behind (an elderly parent staying
 * with a relative, a student away) until the total fits. Throws when the households are too small.
 */
export function peopleMoved(memberCounts: readonly number[], target: number): number[] {
  const moved = [...memberCounts];
  let excess = moved.reduce((a, b) => a + b, 0) - target;
  if (excess < 0) throw new Error(`relocation demo: the chosen households have ${target + excess} people, fewer than ${target}`);
  while (excess > 0) {
    const largest = moved.indexOf(Math.max(...moved));
    if (moved[largest] <= 1) throw new Error('relocation demo: cannot fit the people moved');
    moved[largest] -= 1;
    excess -= 1;
  }
  return moved;
}
