/**
 * A project's story up to the status it has in the demo: entered, a project-plan notice of at
 * least the default 7 days, approval on or after the notice's last day, start, completion,
 * acceptance — or a suspension or cancellation on the way. Fills in the history, notices and
 * actual dates, and returns the dates the ledger needs.
 */
import type { ProjectStatus } from '@tuopin/core';
import type { DemoProject } from './demo-book.js';
import { addDays, type Random } from './random.js';

export interface Milestones {
  created: string;
  approved: string | null;
  started: string | null;
  completed: string | null;
  accepted: string | null;
  /** When the project stopped (suspended or cancelled), if it did. */
  stopped: string | null;
}

const MAIN_LINE: ProjectStatus[] = ['PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED'];

const REASONS: Partial<Record<ProjectStatus, string>> = {
  APPROVED: '公示无异议，县扶贫开发领导小组批复',
  UNDER_CONSTRUCTION: '施工单位进场',
  COMPLETED: '工程完工',
  ACCEPTED: '县乡联合验收合格',
  SUSPENDED: '雨季及用地协调，暂停施工',
  CANCELLED: '群众意见不一致，项目撤销',
};

/**
 * Runs a project to `status` (for SUSPENDED and CANCELLED: to `via` first). `location` is where
 * its notices are posted.
 */
export function runLifecycle(
  rng: Random,
  project: DemoProject,
  created: string,
  status: ProjectStatus,
  options: { via?: ProjectStatus; location: string; noticeDays?: number },
): Milestones {
  const m: Milestones = { created, approved: null, started: null, completed: null, accepted: null, stopped: null };
  const history = project.history;
  history.push({ from: null, to: 'PLANNED', date: created, reason: '入库' });
  const reach = status === 'SUSPENDED' || status === 'CANCELLED' ? (options.via ?? 'PLANNED') : status;
  let day = created;
  let current: ProjectStatus = 'PLANNED';

  const noticeStart = addDays(created, rng.int(2, 15));
  const noticeEnd = addDays(noticeStart, (options.noticeDays ?? rng.pick([7, 7, 7, 10])) - 1);
  if (reach !== 'PLANNED' || rng.chance(0.5)) {
    project.notices.push({ type: 'PROJECT_PLAN', start: noticeStart, end: noticeEnd, location: options.location, content: `${project.name}：建设内容、资金规模及受益对象` });
  }
  for (const next of MAIN_LINE.slice(1, MAIN_LINE.indexOf(reach) + 1)) {
    if (next === 'APPROVED') day = addDays(noticeEnd, rng.int(0, 8));
    if (next === 'UNDER_CONSTRUCTION') day = addDays(day, rng.int(10, 35));
    if (next === 'COMPLETED') day = addDays(day, rng.int(60, 170));
    if (next === 'ACCEPTED') day = addDays(day, rng.int(10, 30));
    history.push({ from: current, to: next, date: day, reason: REASONS[next] ?? null });
    current = next;
    if (next === 'APPROVED') m.approved = day;
    if (next === 'UNDER_CONSTRUCTION') m.started = project.actualStartDate = day;
    if (next === 'COMPLETED') m.completed = project.actualEndDate = day;
    if (next === 'ACCEPTED') {
      m.accepted = day;
      project.notices.push({ type: 'COMPLETION', start: addDays(day, 1), end: addDays(day, 7), location: options.location, content: '项目竣工验收结果公告' });
    }
  }
  if (status === 'SUSPENDED' || status === 'CANCELLED') {
    day = addDays(day, rng.int(20, 60));
    history.push({ from: current, to: status, date: day, reason: REASONS[status] ?? null });
    m.stopped = day;
    project.suspendedFrom = status === 'SUSPENDED' ? current : null;
  }
  project.status = status;
  project.plannedStartDate = addDays(noticeEnd, 20);
  project.plannedEndDate = addDays(noticeEnd, 200);
  project.lastDate = history.at(-1)!.date;
  for (const notice of project.notices) if (notice.end > project.lastDate) project.lastDate = notice.end;
  return m;
}
