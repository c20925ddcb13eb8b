import type { Plugin } from 'graphql-yoga';
import type { AppPlugin } from './app.js';

/** A plugin's hooks as yoga types them without a context: the merged hooks only pass payloads on. */
type Hooks = Plugin;
type ParamsHook = NonNullable<Hooks['onParams']>;
type ParamsPayload = Parameters<ParamsHook>[0];
type ExecuteHook = NonNullable<Hooks['onExecute']>;
type ExecutePayload = Parameters<ExecuteHook>[0];
type ExecuteDoneHook = NonNullable<Exclude<ReturnType<ExecuteHook>, void | Promise<unknown>>['onExecuteDone']>;
type ExecuteDonePayload = Parameters<ExecuteDoneHook>[0];

/**
 * The app's plugins with their `onParams` and `onExecute` hooks run as one hook each.
 *
 * yoga and envelop call each plugin's hook in turn through `iterateAsync`, which makes, for every
 * hook on every request, three closures, three fake promises and a payload object with its own
 * closures: on `{ __typename }` that machinery was a third of the bytes a request allocates
 * (session 34's allocation profile). Our hooks are synchronous checks, so they can run in one
 * loop: one payload per request for all of them.
 *
 * The merged hooks run where the first of the plugins stood, in the plugins' order, with yoga's
 * semantics kept: a hook sees the params and the execute function its predecessors set;
 * `setResultAndStopExecution` skips the hooks after it, as envelop's `endEarly` does; the
 * `onExecuteDone` hooks returned run in the same order. Every other hook stays in its plugin.
 * Only plugins that are all ours may be merged (app.ts): a merged hook that returns a promise is
 * a programming error, refused loudly, since running it in turn would no longer wait for it.
 */
export function mergeHooks(plugins: readonly AppPlugin[]): AppPlugin[] {
  const all = plugins as readonly Hooks[];
  const params = all.flatMap((plugin) => (plugin.onParams ? [plugin.onParams] : []));
  const execute = all.flatMap((plugin) => (plugin.onExecute ? [plugin.onExecute] : []));
  if (params.length + execute.length <= 1) return [...plugins];
  const merged: Hooks = {
    ...(params.length > 0 ? { onParams: params.length === 1 ? params[0] : paramsInTurn(params) } : {}),
    ...(execute.length > 0 ? { onExecute: execute.length === 1 ? execute[0] : executeInTurn(execute) } : {}),
  };
  return [merged, ...all.map((plugin) => withoutMergedHooks(plugin))] as AppPlugin[];
}

/** A plugin's own object with `onParams` and `onExecute` left out, and nothing else changed (its other methods keep their object). */
function withoutMergedHooks(plugin: Hooks): Hooks {
  if (!plugin.onParams && !plugin.onExecute) return plugin;
  const { onParams: _params, onExecute: _execute, ...rest } = plugin;
  return rest;
}

function paramsInTurn(hooks: readonly ParamsHook[]): ParamsHook {
  return (outer) => {
    // What a later hook sees of an earlier one's setParams and setParamsHandler, as in yoga's loop.
    const payload: ParamsPayload = {
      request: outer.request,
      params: outer.params,
      paramsHandler: outer.paramsHandler,
      fetchAPI: outer.fetchAPI,
      context: outer.context,
      setParams(next) {
        payload.params = next;
        outer.setParams(next);
      },
      setParamsHandler(next) {
        payload.paramsHandler = next;
        outer.setParamsHandler(next);
      },
      setResult: outer.setResult,
    };
    for (const hook of hooks) refuseAsync(hook(payload), 'onParams');
  };
}

function executeInTurn(hooks: readonly ExecuteHook[]): ExecuteHook {
  return (outer) => {
    let stopped = false;
    const payload: ExecutePayload = {
      args: outer.args,
      context: outer.context,
      executeFn: outer.executeFn,
      extendContext: outer.extendContext,
      setExecuteFn(next) {
        payload.executeFn = next;
        outer.setExecuteFn(next);
      },
      setResultAndStopExecution(result) {
        stopped = true;
        outer.setResultAndStopExecution(result);
      },
    };
    let done: ExecuteDoneHook[] | undefined;
    for (const hook of hooks) {
      const after = refuseAsync(hook(payload), 'onExecute');
      if (after?.onExecuteDone) (done ??= []).push(after.onExecuteDone);
      if (stopped) break;
    }
    if (!done) return undefined;
    return { onExecuteDone: done.length === 1 ? done[0] : executeDoneInTurn(done) };
  };
}

/** Several `onExecuteDone` hooks, each awaited before the next, each seeing the result the one before set. */
function executeDoneInTurn(hooks: readonly ExecuteDoneHook[]): ExecuteDoneHook {
  return (outer) => {
    const payload: ExecuteDonePayload = {
      args: outer.args,
      result: outer.result,
      setResult(next) {
        payload.result = next;
        outer.setResult(next);
      },
    };
    const from = (index: number): Promise<void> | void => {
      for (let i = index; i < hooks.length; i++) {
        const after = hooks[i]!(payload);
        if (isPromiseLike(after)) return after.then(() => from(i + 1));
        // Streams' onNext/onEnd would need merging of their own; no schema of ours streams.
        if (after) throw new Error('merged onExecuteDone hooks cannot hook into a stream (onNext/onEnd)');
      }
    };
    return from(0);
  };
}

function refuseAsync<T>(value: T | Promise<T>, hook: string): T {
  if (isPromiseLike(value)) throw new Error(`a merged ${hook} hook returned a promise: only synchronous hooks may be merged (http/merged-hooks.ts)`);
  return value;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null | undefined)?.then === 'function';
}
