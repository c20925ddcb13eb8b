import type { EntityManager } from '@mikro-orm/postgresql';
import { pgTextArray } from '@tuopin/core';
import { demoExchanges } from './demo-people.js';
import { seedSyntheticCooperation } from './synthetic-cooperation.js';

/**
 * The plugin's part of the demo data, after core's: the pairings of 保靖县 and 大老爷庙村 as their
 * reports give them (see the README's pairing section). Money the core demo already holds — 岳阳市's
 * 537万, the foundation's yearly funds, the city's funds for 大老爷庙村's office and the fitness set
 * — is linked by document number or provider, never copied. 济南 → 湘西州 is the pairing alone: the
 * reports give no figures for it.
 */
export async function seedPairingDemo(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const trx = tx as EntityManager;
    const [{ n }] = await trx.execute<{ n: string }[]>('select count(*) as n from pairing_relation');
    if (Number(n) > 0) throw new Error('the pairing demo needs an empty pairing_relation table; seed a fresh database');
    // Demo rows are nobody's act: audit triggers skip this transaction.
    await trx.execute("select set_config('tuopin.audit', 'off', true)");
    const code = async (name: string, level: string, under = '') => {
      const [row] = await trx.execute<{ code: string }[]>('select code from area where name = ? and level = ? and code like ? order by code limit 1', [name, level, `${under}%`]);
      if (!row) throw new Error(`the pairing demo needs core's demo first: ${name} (${level}) was not found`);
      return row.code;
    };
    const baojing = await code('保靖县', 'COUNTY', '43');
    const xiangxi = await code('湘西土家族苗族自治州', 'PREFECTURE', '43');
    const dalaoyemiao = await code('大老爷庙村', 'VILLAGE', '21');
    const lingyuan = await code('凌源市', 'COUNTY', '21');
    // The helpers' areas, which the registry demo does not hold (no households: names and codes only).
    await trx.execute(
      `insert into area (code, name, level, parent_code) values
         ('430600000000', '岳阳市', 'PREFECTURE', '430000000000'),
         ('370000000000', '山东省', 'PROVINCE', null),
         ('370100000000', '济南市', 'PREFECTURE', '370000000000')
       on conflict (code) do nothing`,
    );

    const pairing = async (values: Record<string, unknown>) => {
      const columns = Object.keys(values);
      const [row] = await trx.execute<{ id: number }[]>(
        `insert into pairing_relation (${columns.join(', ')}, created_by) values (${columns.map(() => '?').join(', ')}, 'demo') returning id`,
        Object.values(values),
      );
      return row.id;
    };
    const area = (helperAreaCode: string, helperName: string) => ({ helper_kind: 'AREA', helper_area_code: helperAreaCode, helper_name: helperName });
    const organisation = (helperName: string) => ({ helper_kind: 'ORGANISATION', helper_name: helperName });
    const helpedCounty = { helped_kind: 'AREA', helped_name: '保靖县', area_code: baojing };

    const yueyang = await pairing({ kind: 'WITHIN_PROVINCE', ...area('430600000000', '岳阳市'), ...helpedCounty, start_year: 2015 });
    await pairing({ kind: 'EAST_WEST', ...area('370100000000', '济南市'), helped_kind: 'AREA', helped_name: '湘西土家族苗族自治州', area_code: xiangxi, start_year: 2017, end_year: 2020 });
    // 连氏 before the foundations: the scope sweep pages by two, and its agreement must be reached.
    const lian = await pairing({ kind: 'SOCIAL', ...organisation('新加坡连氏集团'), ...helpedCounty, start_year: 2016 });
    const guo = await pairing({ kind: 'SOCIAL', ...organisation('香港郭氏基金会'), ...helpedCounty, start_year: 2009 });
    const wotu = await pairing({ kind: 'SOCIAL', ...organisation('香港沃土发展社'), ...helpedCounty, start_year: 2010 });
    const cppcc = await pairing({
      kind: 'DESIGNATED_UNIT',
      helper_kind: 'UNIT',
      helper_name: '朝阳市政协',
      helper_unit_level: 'PREFECTURE',
      helped_kind: 'AREA',
      helped_name: '大老爷庙村',
      area_code: dalaoyemiao,
      start_year: 2016,
      end_year: 2018,
    });

    // Aid: links to core's funds, found by what identifies them in the core demo.
    // Linked or received, a fund is the helped area's aid and earmarked for it, as the API does it.
    const link = async (pairingId: number, areaCode: string, kind: string, where: string, params: unknown[]) => {
      await trx.execute(`insert into pairing_aid (pairing_id, area_code, kind, year, fund_id, recorded_by) select ?, ?, ?, f.year, f.id, 'demo' from fund f where ${where} order by f.id`, [pairingId, areaCode, kind, ...params]);
      await trx.execute(`update fund f set earmark_area_code = ? where ${where}`, [areaCode, ...params]);
    };
    await link(yueyang, baojing, 'INTRODUCED', 'f.document_no = ?', ['岳保协〔2016〕2号']);
    await link(guo, baojing, 'SOCIAL_DONATION', 'f.provider = ? and f.source_type = ?', ['香港郭氏基金会', 'SOCIAL_DONATION']);
    await link(cppcc, dalaoyemiao, 'FISCAL', 'f.document_no = ?', ['朝组发〔2016〕9号']);
    await link(cppcc, dalaoyemiao, 'IN_KIND', 'f.name = ? and f.source_type = ?', ['全民健身路径器材捐赠', 'IN_KIND_DONATION']);

    // Money the core demo does not hold: received into the ledger as funds, then linked.
    const receive = async (pairingId: number, areaCode: string, kind: string, fund: { source: string; name: string; provider: string; year: number; amount: string; managedBy: string }) => {
      const [row] = await trx.execute<{ id: number }[]>(
        `insert into fund (source_type, name, year, amount, area_code, earmark_area_code, provider, created_by) values (?, ?, ?, ?, ?, ?, ?, 'demo') returning id`,
        [fund.source, fund.name, fund.year, fund.amount, fund.managedBy, areaCode, fund.provider],
      );
      await trx.execute(`insert into pairing_aid (pairing_id, area_code, kind, year, fund_id, recorded_by) values (?, ?, ?, ?, ?, 'demo')`, [pairingId, areaCode, kind, fund.year, row.id]);
    };
    await receive(wotu, baojing, 'SOCIAL_DONATION', { source: 'SOCIAL_DONATION', name: '香港沃土发展社扶贫试点资金（2010—2016年）', provider: '香港沃土发展社', year: 2016, amount: '9465000.00', managedBy: baojing });
    await receive(cppcc, dalaoyemiao, 'FISCAL', { source: 'EAST_WEST_COOPERATION', name: '市民政局临时救助款（火灾救助）', provider: '市民政局', year: 2016, amount: '20000.00', managedBy: lingyuan });
    await trx.execute(`insert into pairing_aid (pairing_id, area_code, kind, year, goods, quantity, recorded_by) values (?, ?, 'IN_KIND', 2016, '市政协机关职工捐赠衣物', 200, 'demo')`, [cppcc, dalaoyemiao]);

    // 新加坡连氏集团's 180万 is planned, not received: a pledge on its agreement.
    await trx.execute(
      `insert into pairing_agreement (pairing_id, area_code, year, pledged_amount, purpose, recorded_by) values (?, ?, 2016, 1800000.00, '改善4个村农村饮水设施', 'demo')`,
      [lian, baojing],
    );

    for (const person of demoExchanges()) {
      await trx.execute(
        `insert into pairing_exchange (pairing_id, area_code, direction, category, person_name, host_institution, start_date, end_date, subjects, recorded_by)
         values (?, ?, 'TO_HELPER', ?, ?, ?, ?, ?, ?::text[], 'demo')`,
        [yueyang, baojing, person.category, person.personName, person.hostInstitution, person.startDate, person.endDate, pgTextArray(person.subjects)],
      );
    }
    await seedSyntheticCooperation(trx, yueyang, baojing);
    await trx.execute(
      `insert into pairing_visit (pairing_id, area_code, kind, direction, held_on, delegation, host, note, recorded_by)
       values (?, ?, 'VISIT', 'TO_HELPED', '2016-05-16', '岳阳市第十二中学', '保靖县岳阳中学', '来保靖岳阳中学指导交流', 'demo')`,
      [yueyang, baojing],
    );
  });
}
