import { GraphQLObjectType, GraphQLSchema, GraphQLString, type ExecutionResult } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { AppPlugin } from './app.js';
import { mergeHooks } from './merged-hooks.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      a: { type: GraphQLString, resolve: () => 'a' },
      b: { type: GraphQLString, resolve: () => 'b' },
    },
  }),
});

/** Posts `query` to a yoga over these plugins, merged or as they are, and answers its body. */
async function ask(plugins: Plugin[], merged: boolean, body: Record<string, unknown>): Promise<ExecutionResult> {
  const yoga = createYoga({ schema, logging: false, maskedErrors: false, plugins: merged ? mergeHooks(plugins as AppPlugin[]) : plugins });
  const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as ExecutionResult;
}

/** Runs the same plugins merged and not, and expects the same answer and the same calls both ways. */
async function sameBothWays(make: (log: string[]) => Plugin[], body: Record<string, unknown>) {
  const answers: ExecutionResult[] = [];
  const logs: string[][] = [];
  for (const merged of [false, true]) {
    const log: string[] = [];
    answers.push(await ask(make(log), merged, body));
    logs.push(log);
  }
  expect(answers[1]).toEqual(answers[0]);
  expect(logs[1]).toEqual(logs[0]);
  return { answer: answers[1]!, log: logs[1]! };
}

describe('mergeHooks', () => {
  it('leaves one onParams and one onExecute hook, first, and every other hook in its plugin', () => {
    const onResultProcess = () => undefined;
    const merged = mergeHooks([{ onExecute: () => undefined }, { onParams: () => undefined, onResultProcess }, { onExecute: () => undefined }] as AppPlugin[]) as Plugin[];
    expect(merged.filter((plugin) => plugin.onExecute)).toHaveLength(1);
    expect(merged.filter((plugin) => plugin.onParams)).toHaveLength(1);
    expect(merged[0]!.onExecute).toBeTypeOf('function');
    expect(merged.find((plugin) => plugin.onResultProcess)?.onResultProcess).toBe(onResultProcess);
  });

  it('runs the hooks in the plugins’ order, each seeing the params and the execute function set before it', async () => {
    const { answer, log } = await sameBothWays(
      (log) => [
        {
          onParams: ({ params, setParams }) => {
            log.push(`params 1: ${params.query}`);
            setParams({ ...params, query: '{ b }' });
          },
          onExecute: ({ setExecuteFn, executeFn }) => {
            log.push('execute 1');
            setExecuteFn((args) => {
              log.push('replaced execute ran');
              return executeFn(args);
            });
          },
        },
        {
          onParams: ({ params }) => void log.push(`params 2: ${params.query}`),
          onExecute: ({ executeFn }) => void log.push(`execute 2 sees the replaced function: ${executeFn.toString().includes('replaced execute ran')}`),
        },
      ],
      { query: '{ a }' },
    );
    expect(answer).toEqual({ data: { b: 'b' } });
    expect(log).toEqual(['params 1: { a }', 'params 2: { b }', 'execute 1', 'execute 2 sees the replaced function: true', 'replaced execute ran']);
  });

  it('skips the hooks after one that stops execution, and still runs the onExecuteDone hooks returned before it', async () => {
    const { answer, log } = await sameBothWays(
      (log) => [
        { onExecute: () => ({ onExecuteDone: ({ result }) => void log.push(`done sees ${JSON.stringify(result)}`) }) },
        { onExecute: ({ setResultAndStopExecution }) => setResultAndStopExecution({ data: { a: 'stopped' } }) },
        { onExecute: () => void log.push('never runs') },
      ],
      { query: '{ a }' },
    );
    expect(answer).toEqual({ data: { a: 'stopped' } });
    expect(log).toEqual(['done sees {"data":{"a":"stopped"}}']);
  });

  it('awaits each onExecuteDone hook before the next, which sees the result the one before set', async () => {
    const { answer, log } = await sameBothWays(
      (log) => [
        {
          onExecute: () => ({
            onExecuteDone: async ({ result, setResult }) => {
              await new Promise((resolve) => setTimeout(resolve, 5));
              log.push('first done');
              setResult({ ...(result as ExecutionResult), extensions: { first: true } });
            },
          }),
        },
        { onExecute: () => ({ onExecuteDone: ({ result }) => void log.push(`second done sees ${JSON.stringify((result as ExecutionResult).extensions)}`) }) },
      ],
      { query: '{ a }' },
    );
    expect(answer).toEqual({ data: { a: 'a' }, extensions: { first: true } });
    expect(log).toEqual(['first done', 'second done sees {"first":true}']);
  });

  it('answers a hook’s thrown refusal as yoga does', async () => {
    const refuse = () => {
      throw new Error('refused in onParams');
    };
    const { answer } = await sameBothWays(() => [{ onParams: () => undefined }, { onParams: refuse }], { query: '{ a }' });
    expect(answer.errors?.[0]?.message).toBe('refused in onParams');
  });

  it('refuses to merge a hook that returns a promise: it would no longer be waited for', () => {
    const [merged] = mergeHooks([{ onExecute: () => undefined }, { onExecute: async () => undefined }] as AppPlugin[]) as Plugin[];
    const payload = { args: {}, context: {}, executeFn: () => ({}), extendContext: () => undefined, setExecuteFn: () => undefined, setResultAndStopExecution: () => undefined };
    expect(() => merged!.onExecute!(payload as never)).toThrow(/returned a promise: only synchronous hooks may be merged/);
  });
});
