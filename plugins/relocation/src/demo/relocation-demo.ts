import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney, parseMoney } from '@tuopin/core';
import { CENTRALISED, homeArea, OUTCOMES, peopleMoved, RELOCATED, SELF_RAISED, SHIFAN_COUNTY, SHIFAN_TOWNSHIP, SITE, SUBSIDY_FUNDS } from './relocation-demo.plan.js';
import { insertDemoProject } from './demo-project.js';

interface Chosen {
  id: number;
  household_no: string;
  village_code: string;
  member_count: number;
}

const SCATTERED_KINDS = ['INFILL', 'WITH_RELATIVES', 'TOWN_PURCHASE'];
const ORIGIN_REASONS = ['ROCKY_MOUNTAINS', 'GEOLOGICAL_DISASTER', 'WEAK_INFRASTRUCTURE', 'REMOTE_COLD'];

/** The households that move: the township's largest, drawn deterministically, centralised first. */
async function chooseHouseholds(em: EntityManager): Promise<{ centralised: Chosen[]; scattered: Chosen[] }> {
  const rows = await em.execute<Chosen[]>(
    `select id, household_no, village_code, member_count from household
     where village_code between ? and ? order by member_count desc, md5(household_no || ':relocation') limit ?`,
    [SHIFAN_TOWNSHIP, SHIFAN_TOWNSHIP.slice(0, 9) + '999', RELOCATED.households],
  );
  if (rows.length < RELOCATED.households) throw new Error(`the relocation demo needs core's demo township ${SHIFAN_TOWNSHIP} (示范镇) with its households`);
  const bySite = [...rows].sort((a, b) => (hash(a.household_no, 'site') < hash(b.household_no, 'site') ? -1 : 1));
  return { centralised: bySite.slice(0, CENTRALISED.households), scattered: bySite.slice(CENTRALISED.households) };
}

/** A deterministic sort key of a household for one purpose (no randomness: the same demo on every run). */
function hash(householdNo: string, purpose: string): string {
  let h = 2166136261;
  for (const char of `${householdNo}:${purpose}`) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

async function seedSite(em: EntityManager, centralised: readonly Chosen[], moved: readonly number[]): Promise<{ siteId: number; flatIds: number[] }> {
  const buildProject = await insertDemoProject(em, {
    name: '示范镇集镇安置点住房及配套设施建设',
    constructionType: 'NEW',
    placeCode: SHIFAN_TOWNSHIP,
    budget: '8100000.00',
    status: 'ACCEPTED',
  });
  const [site] = await em.execute<{ id: number }[]>(
    `insert into relocation_site (area_code, name, kind, setting, build_mode, status, planned_households, planned_people, planned_flats, planned_floor_area, facilities, plan_year)
     values (?, ?, 'TOWN', 'URBAN', 'UNIFIED_BUILD', 'OCCUPIED', ?, ?, ?, ?, '{SCHOOL,CLINIC,ELDERLY_CARE,CULTURE}', ?) returning id`,
    [SHIFAN_TOWNSHIP, SITE.name, SITE.plannedHouseholds, SITE.plannedPeople, SITE.plannedFlats, '3240.00', SITE.planYear],
  );
  await em.execute('insert into relocation_site_project (site_id, project_id, area_code) values (?, ?, ?)', [site.id, buildProject, SHIFAN_TOWNSHIP]);
  const areas = [...moved.map(homeArea), ...Array.from({ length: SITE.plannedFlats - centralised.length }, () => SITE.freeFlatArea)];
  const flatIds: number[] = [];
  for (const [i, area] of areas.entries()) {
    const [flat] = await em.execute<{ id: number }[]>('insert into relocation_flat (site_id, area_code, unit_no, floor_area) values (?, ?, ?, ?) returning id', [
      site.id,
      SHIFAN_TOWNSHIP,
      `${1 + Math.floor(i / 8)}栋${101 + (i % 8)}`,
      area,
    ]);
    flatIds.push(flat.id);
  }
  return { siteId: site.id, flatIds };
}

/** Where each household stands, by its place in a deterministic order. */
function outcomeOf(rank: number): { status: string; retention?: (typeof OUTCOMES.retained)[number] } {
  if (rank < OUTCOMES.movedIn) return { status: 'MOVED_IN' };
  if (rank < OUTCOMES.movedIn + OUTCOMES.demolished) return { status: 'DEMOLISHED' };
  const retained = rank - OUTCOMES.movedIn - OUTCOMES.demolished;
  if (retained < OUTCOMES.retained.length) return { status: 'RETAINED', retention: OUTCOMES.retained[retained] };
  return { status: 'RECLAIMED' };
}

/**
 * The relocation plugin's demo data, after core's: 示范镇's relocation as its report counts it —
 * 94 households and 456 people, 30 and 135 of them at a centralised site in the township seat —
 * with their flats, moves, demolition and reclamation, follow-up support and building subsidies
 * paid through core's ledger. One transaction; deterministic.
 */
export async function seedRelocationDemo(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const trx = tx as EntityManager;
    const [{ n }] = await trx.execute<{ n: string }[]>('select count(*) as n from relocation_site');
    if (Number(n) > 0) throw new Error('the relocation demo needs empty relocation tables; seed a fresh database');
    // Demo rows are nobody's act: audit triggers skip this transaction.
    await trx.execute("select set_config('tuopin.audit', 'off', true)");

    const { centralised, scattered } = await chooseHouseholds(trx);
    const movedCentralised = peopleMoved(centralised.map((h) => h.member_count), CENTRALISED.people);
    const movedScattered = peopleMoved(scattered.map((h) => h.member_count), RELOCATED.people - CENTRALISED.people);
    const { siteId, flatIds } = await seedSite(trx, centralised, movedCentralised);

    const movers = [
      ...centralised.map((h, i) => ({ ...h, mode: 'CENTRALISED', moved: movedCentralised[i], flatId: flatIds[i] as number | null })),
      ...scattered.map((h, i) => ({ ...h, mode: 'SCATTERED', moved: movedScattered[i], flatId: null as number | null })),
    ];
    const ranked = [...movers].sort((a, b) => (hash(a.household_no, 'outcome') < hash(b.household_no, 'outcome') ? -1 : 1));
    const ids = new Map<number, number>();
    let labourSeen = 0;
    for (const [rank, h] of ranked.entries()) {
      const { status, retention } = outcomeOf(rank);
      const hasLabour = rank % 11 !== 10;
      const demolished = status === 'DEMOLISHED' || status === 'RECLAIMED';
      const reclaimedMu = (0.2 + (rank % 5) * 0.05).toFixed(2);
      const [row] = await trx.execute<{ id: number }[]>(
        `insert into relocation_household (household_id, village_code, member_count, origin_reason, mode, scattered_kind, site_id, flat_id, people_moved, has_labour,
           floor_area, self_raised, plan_year, status, applied_on, agreement_date, housed_on, move_in_date, old_house_area, demolished_on,
           retention_reason, retention_approval_no, retention_approved_on, reclaimed_area_mu, reclamation_kind, land_quota_mu, reclaimed_on)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2016-03-15', '2016-05-20', '2017-08-10', '2017-10-01', ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
        [
          h.id, h.village_code, h.member_count, ORIGIN_REASONS[rank % ORIGIN_REASONS.length], h.mode,
          h.mode === 'SCATTERED' ? SCATTERED_KINDS[rank % SCATTERED_KINDS.length] : null, h.mode === 'CENTRALISED' ? siteId : null, h.flatId, h.moved, hasLabour,
          homeArea(h.moved), SELF_RAISED[h.mode as keyof typeof SELF_RAISED], SITE.planYear, status,
          demolished ? `${60 + (rank % 7) * 8}.00` : null, demolished ? '2018-03-20' : null,
          retention?.reason ?? null, retention?.approvalNo ?? null, retention ? '2018-02-26' : null,
          status === 'RECLAIMED' ? reclaimedMu : null, status === 'RECLAIMED' ? (rank % 5 === 0 ? 'ECOLOGICAL' : 'ARABLE') : null,
          status === 'RECLAIMED' ? (Number(reclaimedMu) * 0.9).toFixed(2) : null, status === 'RECLAIMED' ? '2018-09-15' : null,
        ],
      );
      ids.set(h.id, row.id);
      // 后续扶持: about 89 % of the households with labour have someone employed (March 2020's national figure).
      if (hasLabour && labourSeen++ % 9 !== 8) {
        await trx.execute(`insert into relocation_support (relocated_household_id, village_code, kind, people, started_on, note) values (?, ?, 'EMPLOYMENT', ?, '2017-11-01', ?)`, [
          row.id, h.village_code, h.moved >= 4 ? 2 : 1, h.mode === 'CENTRALISED' ? '安置点扶贫车间务工' : '县内企业就业',
        ]);
      }
      if (rank % 4 === 0) {
        await trx.execute(`insert into relocation_support (relocated_household_id, village_code, kind, people, started_on, note) values (?, ?, 'SCHOOLING', 1, '2017-09-01', '子女转入安置地学校就读')`, [row.id, h.village_code]);
      }
    }
    await seedSubsidies(trx, movers.map((h) => ({ relocatedId: ids.get(h.id)!, villageCode: h.village_code, moved: h.moved })));
  });
}

/** Building subsidies per person moved from two funds, allocated to the county's relocation programme and paid through the ledger. */
async function seedSubsidies(em: EntityManager, paid: readonly { relocatedId: number; villageCode: string; moved: number }[]): Promise<void> {
  const total = (perPerson: string) => formatMoney(parseMoney(perPerson)! * BigInt(RELOCATED.people));
  const projectId = await insertDemoProject(em, {
    name: '示范县2016年易地扶贫搬迁建房补助',
    constructionType: 'OTHER',
    placeCode: SHIFAN_COUNTY,
    budget: formatMoney(SUBSIDY_FUNDS.reduce((sum, f) => sum + parseMoney(total(f.perPerson))!, 0n)),
    status: 'UNDER_CONSTRUCTION',
  });
  for (const fundPlan of SUBSIDY_FUNDS) {
    const [fund] = await em.execute<{ id: number }[]>(
      `insert into fund (source_type, name, document_no, year, amount, area_code, provider, created_by) values (?, ?, ?, 2016, ?, ?, ?, 'demo') returning id`,
      [fundPlan.sourceType, fundPlan.name, fundPlan.documentNo, total(fundPlan.perPerson), SHIFAN_COUNTY, fundPlan.provider],
    );
    const [allocation] = await em.execute<{ id: number }[]>(
      `insert into ledger_entry (kind, fund_id, project_id, amount, entry_date, voucher_no, memo, recorded_by)
       values ('ALLOCATION', ?, ?, ?, '2016-06-01', ?, '易地扶贫搬迁建房补助', 'demo') returning id`,
      [fund.id, projectId, total(fundPlan.perPerson), fundPlan.documentNo],
    );
    for (const household of paid) {
      const amount = formatMoney(parseMoney(fundPlan.perPerson)! * BigInt(household.moved));
      const [entry] = await em.execute<{ id: number }[]>(
        `insert into ledger_entry (kind, fund_id, project_id, allocation_id, amount, entry_date, voucher_no, memo, recorded_by)
         values ('DISBURSEMENT', ?, ?, ?, ?, '2017-09-15', ?, ?, 'demo') returning id`,
        // The voucher is a running number and the memo says what was paid: partners read both, and a household's id would let them count.
        [fund.id, projectId, allocation.id, amount, `BZ-${fundPlan.sourceType}-${String(paid.indexOf(household) + 1).padStart(4, '0')}`, '易地扶贫搬迁建房补助 Relocation housing subsidy'],
      );
      await em.execute(
        `insert into relocation_subsidy_payment (relocated_household_id, village_code, ledger_entry_id, amount, paid_on, recorded_by) values (?, ?, ?, ?, '2017-09-15', 'demo')`,
        [household.relocatedId, household.villageCode, entry.id, amount],
      );
    }
  }
}
