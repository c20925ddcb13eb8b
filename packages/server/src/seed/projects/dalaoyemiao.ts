/**
 * 辽宁省朝阳市凌源市四官营子镇大老爷庙村, as its resident work team reported: the village office
 * (村部), the road, the flood dam, the culture square, and the fitness set donated in kind.
 */
import type { DemoBook } from './demo-book.js';
import { newProject, yuan } from './demo-book.js';
import { runLifecycle } from './lifecycle.js';
import { addDays, type Random } from './random.js';
import type { DemoWorld } from './world.js';

const BOARD = '大老爷庙村村务公开栏';

export function planDalaoyemiao(book: DemoBook, rng: Random, world: DemoWorld): void {
  const village = world.dalaoyemiao;
  const households = world.households.get(village) ?? [];
  const poor = households.filter((h) => h.poor).map((h) => h.id);
  const groups = [...new Set(households.map((h) => h.groupId))];

  // 村部: two storeys and a basement, 699 m²; the village's part is the second storey and the
  // stairs, 285 m² at 1,200 yuan/m² = 342,000 yuan. The ground floor and basement were built
  // by a villager who runs a workshop there for 30 years and pays the village rent.
  const office = book.addProject(
    newProject({
      name: '大老爷庙村村部建设',
      category: 'OFFICE_BUILDING',
      constructionType: 'NEW',
      placeCode: village,
      responsibleUnit: '大老爷庙村村民委员会',
      budget: yuan(285 * 1_200),
      year: 2016,
      performanceTargets: '按“七站一室”标准建成村级组织活动场所，村委会使用面积不低于233平方米',
      povertyLink: '一层及地下室由本村村民出资建设并经营30年，每年向村委会交租金，产权归村集体；经营用工雇用本村农民50人',
      note: '资金缺口62,000元由民间投资人垫付 The funding gap of 62,000 yuan was advanced by a private investor',
    }),
  );
  const officeStory = runLifecycle(rng, office, '2016-03-01', 'ACCEPTED', { location: BOARD, noticeDays: 10 });
  office.outputs.push(
    { indicator: '村部总建筑面积（两层及地下室）', unit: '平方米', planned: 699, actual: 699 },
    { indicator: '村委会出资建设面积（第二层及楼梯）', unit: '平方米', planned: 285, actual: 285 },
  );
  office.beneficiaries.push(...rng.sample(poor, 12));
  const sources = [
    book.addFund({
      sourceType: 'CITY_FISCAL',
      name: '市委组织部村级组织活动场所建设经费',
      documentNo: '朝组发〔2016〕9号',
      year: 2016,
      areaCode: world.chaoyang,
      provider: '中共朝阳市委组织部',
      inKindDescription: null,
      amount: yuan(100_000),
      createdDate: '2016-02-20',
    }),
    book.addFund({
      sourceType: 'TOWNSHIP_FISCAL',
      name: '四官营子镇村部建设经费',
      documentNo: '四政发〔2016〕5号',
      year: 2016,
      areaCode: world.siguanyingzi,
      provider: '四官营子镇人民政府',
      inKindDescription: null,
      amount: yuan(100_000),
      createdDate: '2016-03-10',
    }),
    book.addFund({
      sourceType: 'COUNTY_FISCAL',
      name: '凌源市委组织部村部建设补助',
      documentNo: '凌组发〔2016〕12号',
      year: 2016,
      areaCode: world.lingyuan,
      provider: '中共凌源市委组织部',
      inKindDescription: null,
      amount: yuan(80_000),
      createdDate: '2016-03-15',
    }),
  ];
  sources.forEach((fund, i) => {
    const allocation = book.allocate(fund, office, fund.amount!, addDays(officeStory.approved!, 3 + i * 7), fund.documentNo);
    book.disburse(allocation, allocation.amount / 2n, addDays(officeStory.started!, 20 + i), `LY2016-记-${String(31 + i).padStart(4, '0')}`, '工程进度款');
    book.disburse(allocation, allocation.amount / 2n, addDays(officeStory.accepted!, 10 + i), `LY2016-记-${String(95 + i).padStart(4, '0')}`, '工程尾款');
  });

  // The road between two natural villages: 1.12 km, the subgrade by the villagers' own labour,
  // the hardening paid by a "one matter, one discussion" award of 233,000 yuan. Completed;
  // 10 % retained until acceptance.
  const road = book.addProject(
    newProject({
      name: '大老爷庙村村组道路硬化',
      category: 'ROAD',
      constructionType: 'RENOVATION',
      placeCode: village,
      responsibleUnit: '大老爷庙村村民委员会',
      budget: yuan(233_000),
      year: 2016,
      performanceTargets: '硬化连接两个自然屯的泥土路1.12公里，解决群众出行和大田作业运输难',
      povertyLink: '村委会组织路基筹资筹劳，贫困户投工投劳获得劳务收入',
    }),
  );
  const roadStory = runLifecycle(rng, road, '2016-04-05', 'COMPLETED', { location: BOARD });
  road.outputs.push({ indicator: '道路硬化长度', unit: '公里', planned: 1.12, actual: 1.12 });
  road.beneficiaries.push(...households.filter((h) => groups.slice(0, 2).includes(h.groupId)).map((h) => h.id));
  const award = book.addFund({
    sourceType: 'ONE_MATTER_ONE_DISCUSSION',
    name: '2016年村级公益事业一事一议财政奖补资金',
    documentNo: '凌财农〔2016〕41号',
    year: 2016,
    areaCode: world.lingyuan,
    provider: '凌源市财政局',
    inKindDescription: null,
    amount: yuan(233_000),
    createdDate: '2016-04-01',
  });
  const roadAllocation = book.allocate(award, road, yuan(233_000), addDays(roadStory.approved!, 5), award.documentNo);
  book.disburse(roadAllocation, yuan(209_700), addDays(roadStory.completed!, 8), 'LY2016-记-0102', '工程款（留10%质保金）');

  // The flood dam: 200 m of stone and cement protecting almost 300 mu of fields; the city's water
  // funds have been issued, work waits for the survey.
  const dam = book.addProject(
    newProject({
      name: '大老爷庙村南大渠防洪堤坝',
      category: 'WATER_CONSERVANCY',
      constructionType: 'NEW',
      placeCode: village,
      responsibleUnit: '凌源市水利局',
      budget: yuan(150_000),
      year: 2016,
      performanceTargets: '石头水泥砌筑防洪堤坝200延长米，保护农田近300亩',
      povertyLink: '保护贫困户耕地免受洪水冲毁',
    }),
  );
  const damStory = runLifecycle(rng, dam, '2016-08-10', 'APPROVED', { location: BOARD });
  dam.outputs.push({ indicator: '防洪堤坝长度', unit: '米', planned: 200, actual: null });
  const water = book.addFund({
    sourceType: 'CITY_FISCAL',
    name: '朝阳市农田水利建设资金',
    documentNo: '朝财农〔2016〕77号',
    year: 2016,
    areaCode: world.chaoyang,
    provider: '朝阳市水利局',
    inKindDescription: null,
    amount: yuan(150_000),
    createdDate: '2016-09-01',
  });
  book.allocate(water, dam, yuan(150_000), addDays(damStory.approved!, 10), water.documentNo);

  // The culture square, at least 1,000 m² in the office's yard, is still being costed: 100,000
  // yuan needed and nothing arranged yet. The fitness set for it is donated in kind and waits.
  const square = book.addProject(
    newProject({
      name: '大老爷庙村村民文化活动广场',
      category: 'CULTURE',
      constructionType: 'NEW',
      placeCode: village,
      responsibleUnit: '大老爷庙村村民委员会',
      budget: yuan(100_000),
      year: 2016,
      performanceTargets: '在村部院内建设不低于1000平方米的文化活动广场，硬化并铺彩砖，安装健身器材',
      note: '体育健身器材一套（14件）已由市体育局安排，待广场硬化后安装',
    }),
  );
  runLifecycle(rng, square, '2016-10-15', 'PLANNED', { location: BOARD });
  square.outputs.push({ indicator: '广场硬化面积', unit: '平方米', planned: 1000, actual: null });
  book.addFund({
    sourceType: 'IN_KIND_DONATION',
    name: '全民健身路径器材捐赠',
    documentNo: null,
    year: 2016,
    areaCode: world.lingyuan,
    provider: '市体育局',
    inKindDescription: '体育健身器材一套（14件），申报价值约5万元',
    amount: yuan(50_000),
    createdDate: '2016-10-20',
  });
}
