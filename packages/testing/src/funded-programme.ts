import type { TestClock } from './test-clock.js';
import { documentOf } from './document-of.js';
import { mustSucceed } from './must-succeed.js';
import type { TestServer } from './test-server.js';

/**
 * Core's own mutations that set a programme up. They are in every project's schema, so one
 * untyped copy serves core's tests and every plugin's; their results are checked by `mustSucceed`.
 */
const CreateProject = documentOf(`mutation FixtureCreateProgramme($input: CreateProjectInput!) {
  createProject(input: $input) { __typename ... on CreateProjectPayload { project { id } } ... on Error { code field messageEn } }
}`);
const RecordNotice = documentOf(`mutation FixtureNoticeProgramme($input: RecordProjectNoticeInput!) {
  recordProjectNotice(input: $input) { __typename ... on Error { code field messageEn } }
}`);
const ChangeStatus = documentOf(`mutation FixtureMoveProgramme($input: ChangeProjectStatusInput!) {
  changeProjectStatus(input: $input) { __typename ... on Error { code field messageEn } }
}`);
const CreateFund = documentOf(`mutation FixtureCreateProgrammeFund($input: CreateFundInput!) {
  createFund(input: $input) { __typename ... on CreateFundPayload { fund { id } } ... on Error { code field messageEn } }
}`);
const AllocateFunds = documentOf(`mutation FixtureAllocateToProgramme($input: AllocateFundsInput!) {
  allocateFunds(input: $input) { __typename ... on AllocateFundsPayload { allocation { id } } ... on Error { code field messageEn } }
}`);

export interface FundedProgrammeOptions {
  /** Where the project is placed; the fund is managed by its county. */
  placeCode: string;
  /** The budget, the fund's amount and the allocation, all the same (`'50000.00'`). */
  amount: string;
  /** The project's category (a plugin's payments may require one). */
  category: string;
  /** The project's and the fund's names, as the county would write them. */
  projectName: string;
  fundName: string;
  responsibleUnit: string;
  sourceType?: string;
}

/** The ids of a programme's project, fund and allocation (global IDs). */
export interface FundedProgramme {
  projectId: string;
  fundId: string;
  allocationId: string;
}

/**
 * A county's programme set up through core's API as an officer would, in 2016: the project, its
 * plan notice (1–7 February), approval and start on 10 February, a fund of its county, and the
 * whole amount allocated to the project. Plugins' payments are then disbursements against it.
 * The clock is put back where it was afterwards.
 */
export async function fundedProgramme(server: TestServer, clock: TestClock, options: FundedProgrammeOptions): Promise<FundedProgramme> {
  const today = clock.now;
  clock.setToday('2016-02-01');
  const { project } = mustSucceed(
    await server.execute(CreateProject, {
      input: {
        name: options.projectName,
        category: options.category,
        constructionType: 'OTHER',
        placeCode: options.placeCode,
        responsibleUnit: options.responsibleUnit,
        budget: options.amount,
        year: 2016,
      },
    }),
  );
  const projectId: string = project.id;
  mustSucceed(await server.execute(RecordNotice, { input: { projectId, noticeType: 'PROJECT_PLAN', startDate: '2016-02-01', endDate: '2016-02-07', location: '公示栏' } }));
  clock.setToday('2016-02-10');
  for (const status of ['APPROVED', 'UNDER_CONSTRUCTION']) mustSucceed(await server.execute(ChangeStatus, { input: { projectId, status } }));
  const { fund } = mustSucceed(
    await server.execute(CreateFund, {
      input: { sourceType: options.sourceType ?? 'PROVINCIAL_FISCAL', name: options.fundName, year: 2016, amount: options.amount, areaCode: options.placeCode.slice(0, 6).padEnd(12, '0') },
    }),
  );
  const { allocation } = mustSucceed(await server.execute(AllocateFunds, { input: { fundId: fund.id, projectId, amount: options.amount } }));
  clock.now = today;
  return { projectId, fundId: fund.id, allocationId: allocation.id };
}
