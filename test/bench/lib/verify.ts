/**
 * Before anything is timed: every server must give the same answer to the same question with the
 * same variables, once normalised to the common shape. A difference stops the bench, with the
 * path of the first differing value and both answers written to .work/.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { Question, Vars } from '../questions/index.js';
import { WORK_DIR } from './options.js';
import { ask, SERVER_LABELS, type RunningServer, type ServerName } from './servers.js';

/** The first place where two plain JSON values differ, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array ≠ object`;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return `${at}: ${a.length} items ≠ ${other.length} items`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], other[i], `${at}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  for (const key of keys) {
    if (!(key in left) || !(key in right)) return `${at}.${key}: present on one side only`;
    const difference = firstDifference(left[key], right[key], `${at}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/** The normalised answer of one server, or an exception saying why there is none. */
export async function answer(server: RunningServer, question: Question, vars: Vars): Promise<unknown> {
  const { status, body, text } = await ask(server, question, vars);
  if (status !== 200 || !body || body.errors || body.data == null) {
    throw new Error(`${question.id}: ${SERVER_LABELS[server.name]} answered HTTP ${status}: ${text.slice(0, 600)}\nvariables: ${JSON.stringify(vars)}`);
  }
  if (server.name === 'raw') return body.data;
  const side = question[server.name === 'peer' ? 'peer' : 'ours'];
  if (side.failed?.(text)) throw new Error(`${question.id}: ${SERVER_LABELS[server.name]} answered with a failure: ${text.slice(0, 600)}`);
  return side.normalise(body.data);
}

/** An answer with nothing in it: a check of such answers alone proves nothing. */
export const isEmpty = (value: unknown) => value == null || (Array.isArray(value) && value.length === 0);

function mismatch(question: Question, vars: Vars, answers: Partial<Record<ServerName, unknown>>, other: ServerName, difference: string, reference: ServerName = 'ours'): Error {
  const file = path.join(WORK_DIR, `mismatch-${question.id}.json`);
  writeFileSync(file, JSON.stringify({ question: question.id, variables: vars, answers }, null, 2));
  return new Error(
    `${question.id} (${question.title}): ${SERVER_LABELS[other]} and ${SERVER_LABELS[reference]} answer differently ` +
      `for ${JSON.stringify(vars)}\n  first difference (${reference} ≠ ${other}): ${difference}\n  both answers: ${file}`,
  );
}

/** Checks a read question on the given variables; returns how many had a non-empty answer. */
export async function verifyRead(question: Question, servers: RunningServer[], samples: Vars[], reference: ServerName = 'ours'): Promise<number> {
  let nonEmpty = 0;
  for (const vars of samples) {
    const answers: Partial<Record<ServerName, unknown>> = {};
    for (const server of servers) answers[server.name] = await answer(server, question, vars);
    for (const server of servers) {
      if (server.name === reference) continue;
      const other = question.reconcile ? question.reconcile(answers[reference], answers[server.name]) : answers[server.name];
      const difference = firstDifference(answers[reference], other);
      if (difference) throw mismatch(question, vars, answers, server.name, difference, reference);
    }
    if (!isEmpty(answers[reference])) nonEmpty++;
  }
  return nonEmpty;
}

/**
 * Checks a write question: each server in turn performs the same write, whose rows are then
 * removed (`undo`) so that the next server starts from the same state.
 */
export async function verifyWrite(question: Question, servers: RunningServer[], samples: Vars[], client: pg.ClientBase): Promise<number> {
  for (const vars of samples) {
    const answers: Partial<Record<ServerName, unknown>> = {};
    for (const server of servers) {
      try {
        answers[server.name] = await answer(server, question, vars);
      } finally {
        await question.undo!(client, vars);
      }
    }
    for (const server of servers) {
      if (server.name === 'ours') continue;
      const other = question.reconcile ? question.reconcile(answers.ours, answers[server.name]) : answers[server.name];
      const difference = firstDifference(answers.ours, other);
      if (difference) throw mismatch(question, vars, answers, server.name, difference);
    }
  }
  return samples.length;
}
