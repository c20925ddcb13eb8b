import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '../kernel/errors.js';
import type { ProjectStatus } from './project-enums.js';
import { allowedTargets, transition } from './project-status.js';
import { noticeLengthInDays, noticePeriodHasRun } from './notice-period.js';

const ALL: ProjectStatus[] = ['PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED', 'SUSPENDED', 'CANCELLED'];

describe('project status transitions', () => {
  it('allows exactly the main line, suspend, resume and cancel', () => {
    const table = Object.fromEntries(
      ALL.filter((s) => s !== 'SUSPENDED').map((status) => [status, allowedTargets({ status, suspendedFrom: null })]),
    );
    expect(table).toEqual({
      PLANNED: ['APPROVED', 'SUSPENDED', 'CANCELLED'],
      APPROVED: ['UNDER_CONSTRUCTION', 'SUSPENDED', 'CANCELLED'],
      UNDER_CONSTRUCTION: ['COMPLETED', 'SUSPENDED', 'CANCELLED'],
      COMPLETED: ['ACCEPTED', 'CANCELLED'],
      ACCEPTED: [],
      CANCELLED: [],
    });
    expect(allowedTargets({ status: 'SUSPENDED', suspendedFrom: 'APPROVED' })).toEqual(['APPROVED', 'CANCELLED']);
  });

  it('remembers where a suspension came from and resumes only there', () => {
    const suspended = transition({ status: 'UNDER_CONSTRUCTION', suspendedFrom: null }, 'SUSPENDED');
    expect(suspended).toEqual({ status: 'SUSPENDED', suspendedFrom: 'UNDER_CONSTRUCTION' });
    expect(transition(suspended, 'UNDER_CONSTRUCTION')).toEqual({ status: 'UNDER_CONSTRUCTION', suspendedFrom: null });
    expect(() => transition(suspended, 'COMPLETED')).toThrow(RuleViolationError);
  });

  it('refuses every other move with a bilingual error on the status field', () => {
    for (const from of ALL) {
      const state = { status: from, suspendedFrom: from === 'SUSPENDED' ? ('PLANNED' as const) : null };
      for (const to of ALL.filter((s) => !allowedTargets(state).includes(s))) {
        let error: unknown;
        try {
          transition(state, to);
        } catch (caught) {
          error = caught;
        }
        expect(error, `${from} → ${to}`).toBeInstanceOf(RuleViolationError);
        expect((error as RuleViolationError).field).toBe('status');
        expect((error as RuleViolationError).messageZh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('notice period', () => {
  it('counts days inclusively and needs the notice to have ended by the approval date', () => {
    expect(noticeLengthInDays({ startDate: '2016-03-01', endDate: '2016-03-07' })).toBe(7);
    expect(noticeLengthInDays({ startDate: '2016-02-27', endDate: '2016-03-04' })).toBe(7);
    const notice = { startDate: '2016-03-01', endDate: '2016-03-07' };
    expect(noticePeriodHasRun([notice], '2016-03-07', 7)).toBe(true);
    expect(noticePeriodHasRun([notice], '2016-03-06', 7)).toBe(false);
    expect(noticePeriodHasRun([notice], '2016-03-10', 8)).toBe(false);
    expect(noticePeriodHasRun([], '2016-03-10', 1)).toBe(false);
  });
});
