import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { ALLOWED_EXCEPTIONS, IDENTIFICATION_EXCLUSIONS, type ExclusionException, type IdentificationExclusion } from './identification-enums.js';

/** The representatives' vote as recorded at step 3 (村民代表评议和表决). */
export interface VoteInput {
  /** Members of the village representatives' assembly (村民代表会议组成人员). */
  representatives: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

/**
 * The rule used (村民委员会组织法 第二十六条): the assembly sits only with at least two thirds of its
 * members present, and decides by more than half of those present. Every one present is counted
 * once — for, against or abstaining — so the three numbers add up to those present. Compared in
 * integers: present × 3 ≥ representatives × 2, and for × 2 > present.
 */
export function checkVote(issues: IssueCollector, vote: VoteInput): void {
  const counts = [vote.representatives, vote.present, vote.votesFor, vote.votesAgainst, vote.abstentions];
  if (counts.some((n) => !Number.isInteger(n) || n < 0 || n > 1000) || vote.representatives < 1) {
    issues.add('votes', '代表人数和票数须为0–1000的整数，代表人数至少1人', 'Representatives and votes are whole numbers from 0 to 1,000, with at least one representative');
    return;
  }
  if (vote.present > vote.representatives) {
    issues.add('votes.present', `到会人数（${vote.present}）不能超过村民代表人数（${vote.representatives}）`, `Those present (${vote.present}) cannot exceed the representatives (${vote.representatives})`);
  } else if (vote.present * 3 < vote.representatives * 2) {
    issues.add('votes.present', '到会代表不足三分之二，会议不能表决', 'Fewer than two thirds of the representatives were present: the assembly cannot vote');
  }
  const cast = vote.votesFor + vote.votesAgainst + vote.abstentions;
  if (cast !== vote.present) {
    issues.add('votes.abstentions', `赞成、反对、弃权合计${cast}票，与到会人数${vote.present}不符`, `For, against and abstaining add up to ${cast}, not the ${vote.present} present`);
  }
}

/** A majority of those present voted for; call after `checkVote` passed. */
export function assertVotePassed(vote: VoteInput): void {
  if (vote.votesFor * 2 <= vote.present) {
    throw new RuleViolationError(
      'votes.votesFor',
      `赞成票${vote.votesFor}票未超过到会人数${vote.present}的半数，评议未通过；请驳回申请`,
      `${vote.votesFor} for is not more than half of the ${vote.present} present: the vote failed; reject the application instead`,
    );
  }
}

/** One of the ten exclusions as checked: whether it applies, the evidence, and an allowed exception. */
export interface ExclusionCheckInput {
  exclusion: IdentificationExclusion;
  applies: boolean;
  evidence: string;
  exception?: ExclusionException | null;
}

/** Checks each exclusion's record: no exclusion twice, evidence given, an exception only where the rules allow it. */
export function checkExclusions(issues: IssueCollector, checks: readonly ExclusionCheckInput[]): void {
  const seen = new Set<string>();
  checks.forEach((check, i) => {
    const field = `exclusions[${i}]`;
    if (seen.has(check.exclusion)) issues.add(`${field}.exclusion`, '同一项“不纳入”情形只能登记一次', 'Each exclusion is recorded once');
    seen.add(check.exclusion);
    if (!check.evidence.trim() || check.evidence.length > 2000) issues.add(`${field}.evidence`, '核查依据须为1–2000个字符', 'The evidence is 1–2,000 characters');
    if (check.exception == null) return;
    const title = IDENTIFICATION_EXCLUSIONS[check.exclusion].split(' ')[0];
    const allowed = ALLOWED_EXCEPTIONS[check.exclusion] ?? [];
    if (!allowed.includes(check.exception)) {
      issues.add(
        `${field}.exception`,
        allowed.length ? `${title}只允许以下例外：${allowed.join('、')}` : `${title}没有可适用的例外情形`,
        allowed.length ? `Exclusion ${check.exclusion} allows only ${allowed.join(', ')}` : `Exclusion ${check.exclusion} allows no exception`,
      );
    } else if (!check.applies) {
      issues.add(`${field}.exception`, '该情形不存在时无需登记例外', 'An exception is recorded only for an exclusion that applies');
    }
  });
}

/**
 * Approval waits until every one of the ten exclusions is checked, and none applies without an
 * allowed exception (the stored checks already hold only allowed ones).
 */
export function assertExclusionsClear(stored: readonly { exclusion: string; applies: boolean; exception?: string | null }[]): void {
  const unchecked = Object.keys(IDENTIFICATION_EXCLUSIONS).filter((key) => !stored.some((check) => check.exclusion === key));
  if (unchecked.length > 0) {
    throw new RuleViolationError('exclusions', `尚有${unchecked.length}项“不纳入”情形未核查：${unchecked.join('、')}`, `${unchecked.length} of the ten exclusions are not checked yet: ${unchecked.join(', ')}`);
  }
  const applying = stored.filter((check) => check.applies && !check.exception).map((check) => check.exclusion);
  if (applying.length > 0) {
    throw new RuleViolationError('exclusions', `存在不纳入情形：${applying.join('、')}，不能审批纳入`, `Exclusions apply: ${applying.join(', ')}; the household cannot be approved`);
  }
}
