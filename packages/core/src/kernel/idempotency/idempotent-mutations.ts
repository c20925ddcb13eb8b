import type { GraphQLResolveInfo } from 'graphql';
import type { TuopinContext } from '../context.js';
import { ConflictError, TuopinError } from '../errors.js';
import { KeyClaimedElsewhere } from './claim-in-transaction.js';
import { IDEMPOTENCY_KEY_HEADER, requestFingerprint, type FieldClaim } from './idempotency-key.js';
import { liveKeyRows, storeAnswer, type KeyAddress, type KeyRow } from './idempotency-store.js';
import { replayedValue, storedAnswerOf } from './stored-answer.js';

/** How long a replay waits for the first request to store its answer, which it does right after its commit. */
const ANSWER_WAIT_MS = 5_000;
const ANSWER_POLL_MS = 25;

const mismatch = () =>
  new ConflictError(
    IDEMPOTENCY_KEY_HEADER,
    `此 ${IDEMPOTENCY_KEY_HEADER} 已用于另一个请求（操作或变量不同）；新的请求请使用新的幂等键`,
    `This ${IDEMPOTENCY_KEY_HEADER} was used for another request (other operation or variables); send a new request with a new key`,
  );
const notKept = () =>
  new ConflictError(
    IDEMPOTENCY_KEY_HEADER,
    `使用此 ${IDEMPOTENCY_KEY_HEADER} 的请求已执行，未再次执行；其结果未保存（如只显示一次的密钥），请通过查询读取`,
    `The request with this ${IDEMPOTENCY_KEY_HEADER} was carried out already and was not run again; its answer is not kept (a secret shown once, say): read the result with a query`,
  );
const inProgress = () =>
  new ConflictError(
    IDEMPOTENCY_KEY_HEADER,
    `使用此 ${IDEMPOTENCY_KEY_HEADER} 的请求正在处理或其结果未能保存，未再次执行；请稍后用同一幂等键重试，或通过查询读取结果`,
    `The request with this ${IDEMPOTENCY_KEY_HEADER} is in progress, or its answer could not be kept; it was not run again. Retry later with the same key, or read the result with a query`,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one mutation field under the request's `Idempotency-Key`, if it has one; `defineMutation`
 * calls it for every mutation, core's and every plugin's alike, so none needs code of its own.
 * Without the header the field runs as it always did. With one, each root mutation field (by its
 * response key) runs at most once per caller and key within the retention: its key row is inserted
 * in the write's own transaction (by `inTransaction`), what `run` returned is stored just after,
 * and the same request sent again is answered from that, writing nothing. The same key with
 * another request is a ConflictError naming the header, a malformed key a ValidationError naming
 * it; both are thrown here, inside the field's resolver, so they become members of its result union.
 */
export async function runWithIdempotencyKey<Payload>(ctx: TuopinContext, info: GraphQLResolveInfo, run: () => Promise<Payload> | Payload): Promise<Payload> {
  const request = ctx.idempotency;
  if (!request || info.operation.operation !== 'mutation') return run();
  const key = request.key();
  const requestHash = (request.fingerprint ??= requestFingerprint(info));
  const address: KeyAddress = { principalId: ctx.principal.id, key, fieldPath: String(info.path.key) };

  const earlier = await answerFromEarlier(ctx, address, requestHash, false);
  if (earlier) return earlier() as Payload;

  const claim: FieldClaim = { address, operation: info.fieldName, requestHash, claimed: false };
  request.current = claim;
  let result: Payload;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof KeyClaimedElsewhere) {
      // Another request with this key wrote first; this one rolled back and answers as that one did.
      return (await answerFromEarlier(ctx, address, requestHash, true))!() as Payload;
    }
    // Refused by a check that ran after another request with this key wrote (a balance it spent,
    // say): that request's answer is this one's too. Otherwise the refusal rolled the key back
    // with the write, and the request may be sent again.
    const other = error instanceof TuopinError && !claim.claimed ? await answerFromEarlier(ctx, address, requestHash, false) : undefined;
    if (other) return other() as Payload;
    throw error;
  } finally {
    request.current = null;
  }
  await storeAnswer(ctx, address, claim.claimed, info.fieldName, requestHash, storedAnswerOf(result));
  return result;
}

/**
 * The answer a key already holds for this field, as a function that returns the earlier result
 * or throws the typed error saying why it cannot be given; undefined when the key is new for this
 * field (unless `mustExist`, after another request was seen to claim it). An answer still being
 * stored (the first request is between its commit and storing it) is waited for, a few seconds.
 */
async function answerFromEarlier(ctx: TuopinContext, address: KeyAddress, requestHash: string, mustExist: boolean): Promise<(() => unknown) | undefined> {
  const deadline = Date.now() + ANSWER_WAIT_MS;
  const refuse = (error: TuopinError) => () => {
    throw error;
  };
  for (;;) {
    const rows = await liveKeyRows(ctx, address.principalId, address.key);
    if (rows.some((row) => row.request_hash !== requestHash)) return refuse(mismatch());
    const row: KeyRow | undefined = rows.find((candidate) => candidate.field_path === address.fieldPath);
    if (!row) return mustExist ? refuse(inProgress()) : undefined;
    const { answer } = row;
    if (answer) return answer.kept ? () => replayedValue(answer) : refuse(notKept());
    if (Date.now() >= deadline) return refuse(inProgress());
    await sleep(ANSWER_POLL_MS);
  }
}
