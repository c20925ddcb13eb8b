import { createTuopinClient, TuopinClientError } from '@tuopin/client';
import { percent, renderIncidenceChart, type VillageBar } from './chart.js';
import type { DashboardCountyVillagesQuery } from './gql/graphql.js';
import { CountyHouseholds, CountyVillages } from './operations.js';

// The API: `?api=` on the page's address, else VITE_TUOPIN_API at build time, else a local server.
const api = new URLSearchParams(location.search).get('api') ?? import.meta.env.VITE_TUOPIN_API ?? 'http://localhost:4000/graphql';
// The token stays in this tab's session storage; it is never put in the address.
const TOKEN_KEY = 'tuopin.token';
const client = createTuopinClient({ url: api, token: () => sessionStorage.getItem(TOKEN_KEY) });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const say = (text: string, isError = false) => {
  status.textContent = text;
  status.classList.toggle('error', isError);
};

async function loadVillages(code: string): Promise<void> {
  const villages: VillageBar[] = [];
  let after: string | null = null;
  let countyName = code;
  do {
    const page: DashboardCountyVillagesQuery = await client.request(CountyVillages, { code, after });
    countyName = page.region?.name ?? code;
    if (page.region?.stats.povertyIncidence != null) countyName += ` ${percent(page.region.stats.povertyIncidence)}`;
    for (const { node } of page.regions.edges) villages.push({ code: node.code, name: node.name, incidence: node.stats.povertyIncidence ?? null });
    after = page.regions.pageInfo.hasNextPage ? (page.regions.pageInfo.endCursor ?? null) : null;
  } while (after);
  $('county-title').textContent = `${countyName} · 各村贫困发生率 Poverty incidence by village (${villages.length})`;
  renderIncidenceChart($('chart'), villages);
}

/** Forward pages follow `endCursor`; the cursors of pages already seen make "previous" possible. */
const pager = { code: '', cursors: [null] as (string | null)[], index: 0 };

async function loadHouseholds(): Promise<void> {
  const page = await client.request(CountyHouseholds, { code: pager.code, after: pager.cursors[pager.index] ?? null });
  const rows = page.households.edges.map(({ node }) => {
    const row = document.createElement('tr');
    for (const text of [node.householdNo, node.head?.name ?? '', String(node.memberCount), node.status, node.primaryCause ?? '']) {
      row.append(Object.assign(document.createElement('td'), { textContent: text }));
    }
    return row;
  });
  $('households').querySelector('tbody')!.replaceChildren(...rows);
  $('household-count').textContent = `(${page.households.totalCount})`;
  $('page').textContent = `第 ${pager.index + 1} 页 Page ${pager.index + 1}`;
  if (page.households.pageInfo.hasNextPage) pager.cursors[pager.index + 1] = page.households.pageInfo.endCursor ?? null;
  $<HTMLButtonElement>('next').disabled = !page.households.pageInfo.hasNextPage;
  $<HTMLButtonElement>('previous').disabled = pager.index === 0;
}

async function run(work: () => Promise<void>): Promise<void> {
  say('加载中… Loading…');
  try {
    await work();
    say('');
  } catch (error) {
    if (error instanceof TuopinClientError) {
      const first = error.errors[0];
      say(`${first?.messageZh ?? ''} ${first?.messageEn ?? error.message} (${error.code ?? error.status}; request ${error.requestId ?? '—'})`, true);
    } else {
      say(`无法连接 Cannot reach ${api}: ${String(error)}`, true);
    }
  }
}

$('connect').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $<HTMLInputElement>('token').value.trim());
  Object.assign(pager, { code: $<HTMLInputElement>('county').value, cursors: [null], index: 0 });
  void run(async () => {
    await loadVillages(pager.code);
    await loadHouseholds();
  });
});
$('next').addEventListener('click', () => {
  pager.index++;
  void run(loadHouseholds);
});
$('previous').addEventListener('click', () => {
  pager.index = Math.max(0, pager.index - 1);
  void run(loadHouseholds);
});
