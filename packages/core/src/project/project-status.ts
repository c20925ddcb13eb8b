import { RuleViolationError } from '../kernel/errors.js';
import { PROJECT_STATUSES, type ProjectStatus } from './project-enums.js';

/**
 * The project life cycle: 入库 → 批复 → 在建 → 完工 → 验收, with 暂停 (suspend, then resume to
 * the status it was suspended from) and 撤销 (cancel, final, never once accepted). Pure, so the
 * whole table is unit-tested; the service applies it under a row lock.
 */

/** The main line: each status and the one that follows it. */
const NEXT: Partial<Record<ProjectStatus, ProjectStatus>> = {
  PLANNED: 'APPROVED',
  APPROVED: 'UNDER_CONSTRUCTION',
  UNDER_CONSTRUCTION: 'COMPLETED',
  COMPLETED: 'ACCEPTED',
};

/** Work that can be paused: a completed project has nothing left to pause. */
export const SUSPENDABLE: readonly ProjectStatus[] = ['PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION'];
/** Final statuses: nothing moves a project out of them. */
export const FINAL_STATUSES: readonly ProjectStatus[] = ['ACCEPTED', 'CANCELLED'];

export interface ProjectState {
  status: ProjectStatus;
  /** Set while SUSPENDED: the status a resume returns to. */
  suspendedFrom: ProjectStatus | null;
}

/** The statuses a project may move to from this state. */
export function allowedTargets(state: ProjectState): ProjectStatus[] {
  if (FINAL_STATUSES.includes(state.status)) return [];
  if (state.status === 'SUSPENDED') return [state.suspendedFrom!, 'CANCELLED'];
  const targets: ProjectStatus[] = [NEXT[state.status]!];
  if (SUSPENDABLE.includes(state.status)) targets.push('SUSPENDED');
  targets.push('CANCELLED');
  return targets;
}

/** The Chinese term of a status: '批复' of '批复 Approved, …'. */
const zh = (status: ProjectStatus) => PROJECT_STATUSES[status].split(' ')[0];

/** The state after moving to `target`, or a RuleViolationError on `status` naming what is allowed. */
export function transition(state: ProjectState, target: ProjectStatus): ProjectState {
  const allowed = allowedTargets(state);
  if (!allowed.includes(target)) {
    throw new RuleViolationError(
      'status',
      `项目状态不能从“${zh(state.status)}”变为“${zh(target)}”；可变为：${allowed.map(zh).join('、') || '无'}`,
      `A project cannot move from ${state.status} to ${target}; allowed: ${allowed.join(', ') || 'none'}`,
    );
  }
  if (target === 'SUSPENDED') return { status: 'SUSPENDED', suspendedFrom: state.status };
  return { status: target, suspendedFrom: null };
}
