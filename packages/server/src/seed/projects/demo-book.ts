/**
 * The project demo as it is generated: funds, projects and ledger entries in memory, with the
 * ledger's invariants checked on every entry (allocations within their fund, payments within their
 * allocation, one reversal per entry), so that the rows written later could have come through the
 * API. Amounts are integer fen (BigInt); nothing here is a float.
 */
import type { ConstructionType, FundSourceType, NoticeType, ProjectCategory, ProjectStatus } from '@tuopin/core';

export type Fen = bigint;

export const yuan = (amount: number): Fen => BigInt(Math.round(amount * 100));

export interface DemoFund {
  sourceType: FundSourceType;
  name: string;
  documentNo: string | null;
  year: number;
  areaCode: string;
  provider: string | null;
  inKindDescription: string | null;
  /** Fixed by a document; null for a fund sized after allocation (what was integrated for the year). */
  amount: Fen | null;
  allocated: Fen;
  createdDate: string;
  lastDate: string;
}

export interface DemoStatusChange {
  from: ProjectStatus | null;
  to: ProjectStatus;
  date: string;
  reason: string | null;
}

export interface DemoNotice {
  type: NoticeType;
  start: string;
  end: string;
  location: string;
  content: string | null;
}

export interface DemoOutput {
  indicator: string;
  unit: string;
  planned: number;
  actual: number | null;
}

export interface DemoProject {
  name: string;
  category: ProjectCategory;
  constructionType: ConstructionType;
  placeCode: string;
  responsibleUnit: string;
  budget: Fen;
  year: number;
  plannedStartDate: string | null;
  plannedEndDate: string | null;
  actualStartDate: string | null;
  actualEndDate: string | null;
  performanceTargets: string | null;
  povertyLink: string | null;
  note: string | null;
  status: ProjectStatus;
  suspendedFrom: ProjectStatus | null;
  history: DemoStatusChange[];
  notices: DemoNotice[];
  outputs: DemoOutput[];
  beneficiaries: number[];
  lastDate: string;
}

export interface DemoEntry {
  id: number;
  kind: 'ALLOCATION' | 'DISBURSEMENT' | 'REVERSAL';
  fund: DemoFund;
  project: DemoProject;
  allocation: DemoEntry | null;
  reverses: DemoEntry | null;
  amount: Fen;
  date: string;
  voucherNo: string | null;
  memo: string | null;
  /** Allocations: live payments against it. */
  paid: Fen;
  reversed: boolean;
}

const later = (a: string, b: string) => (a > b ? a : b);

export class DemoBook {
  readonly funds: DemoFund[] = [];
  readonly projects: DemoProject[] = [];
  readonly entries: DemoEntry[] = [];

  addFund(fund: Omit<DemoFund, 'allocated' | 'lastDate'>): DemoFund {
    const added = { ...fund, allocated: 0n, lastDate: fund.createdDate };
    this.funds.push(added);
    return added;
  }

  addProject(project: DemoProject): DemoProject {
    this.projects.push(project);
    return project;
  }

  /** What a fixed fund has left; null for a fund sized after allocation. */
  remaining(fund: DemoFund): Fen | null {
    return fund.amount === null ? null : fund.amount - fund.allocated;
  }

  private entry(fields: Omit<DemoEntry, 'id' | 'paid' | 'reversed'>): DemoEntry {
    if (fields.amount <= 0n) throw new Error(`demo ledger: non-positive amount for ${fields.project.name}`);
    const entry = { ...fields, id: this.entries.length + 1, paid: 0n, reversed: false };
    this.entries.push(entry);
    fields.fund.lastDate = later(fields.fund.lastDate, fields.date);
    fields.project.lastDate = later(fields.project.lastDate, fields.date);
    return entry;
  }

  allocate(fund: DemoFund, project: DemoProject, amount: Fen, date: string, voucherNo: string | null, memo: string | null = null): DemoEntry {
    const left = this.remaining(fund);
    if (left !== null && amount > left) throw new Error(`demo ledger: ${fund.name} cannot allocate ${amount} (has ${left})`);
    fund.allocated += amount;
    return this.entry({ kind: 'ALLOCATION', fund, project, allocation: null, reverses: null, amount, date, voucherNo, memo });
  }

  disburse(allocation: DemoEntry, amount: Fen, date: string, voucherNo: string, memo: string | null = null): DemoEntry {
    if (allocation.reversed || allocation.paid + amount > allocation.amount || date < allocation.date) {
      throw new Error(`demo ledger: payment of ${amount} does not fit allocation ${allocation.id}`);
    }
    allocation.paid += amount;
    return this.entry({ kind: 'DISBURSEMENT', fund: allocation.fund, project: allocation.project, allocation, reverses: null, amount, date, voucherNo, memo });
  }

  reverse(target: DemoEntry, date: string, memo: string): DemoEntry {
    if (target.reversed || target.kind === 'REVERSAL' || (target.kind === 'ALLOCATION' && target.paid > 0n)) {
      throw new Error(`demo ledger: entry ${target.id} cannot be reversed`);
    }
    target.reversed = true;
    if (target.kind === 'ALLOCATION') target.fund.allocated -= target.amount;
    else target.allocation!.paid -= target.amount;
    return this.entry({ kind: 'REVERSAL', fund: target.fund, project: target.project, allocation: null, reverses: target, amount: target.amount, date, voucherNo: null, memo });
  }

  /**
   * Sizes the funds without a fixed amount: what they allocated plus a little left over, in whole
   * 万; those that allocated nothing were never needed and are dropped.
   */
  sizeOpenFunds(slackOf: (fund: DemoFund) => number): void {
    const used = new Set(this.entries.map((entry) => entry.fund));
    const unused = this.funds.filter((fund) => fund.amount === null && !used.has(fund));
    for (const fund of unused) this.funds.splice(this.funds.indexOf(fund), 1);
    for (const fund of this.funds) {
      if (fund.amount !== null) continue;
      const wanted = fund.allocated + (fund.allocated * BigInt(Math.round(slackOf(fund) * 1000))) / 1000n;
      const step = 1_000_000n; // 1万 yuan in fen
      fund.amount = ((wanted + step - 1n) / step) * step || step;
    }
  }
}

/** A project before its story is told: status and dates are filled in by the life cycle. */
export function newProject(
  fields: Pick<DemoProject, 'name' | 'category' | 'constructionType' | 'placeCode' | 'responsibleUnit' | 'budget' | 'year'> &
    Partial<Pick<DemoProject, 'performanceTargets' | 'povertyLink' | 'note'>>,
): DemoProject {
  return {
    performanceTargets: null,
    povertyLink: null,
    note: null,
    ...fields,
    plannedStartDate: null,
    plannedEndDate: null,
    actualStartDate: null,
    actualEndDate: null,
    status: 'PLANNED',
    suspendedFrom: null,
    history: [],
    notices: [],
    outputs: [],
    beneficiaries: [],
    lastDate: `${fields.year}-01-01`,
  };
}
