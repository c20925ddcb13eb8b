import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createPinoLogger, logLevelFrom } from './pino-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, destination };
}

it('writes one JSON line per entry with the level by name, an ISO time and the message', () => {
  const { lines, destination } = capture();
  createPinoLogger({ destination }).warn('pool exhausted', { waiting: 3 });
  expect(lines).toEqual([{ level: 'warn', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), message: 'pool exhausted', waiting: 3 }]);
});

it('drops entries below its level', () => {
  const { lines, destination } = capture();
  const log = createPinoLogger({ destination, level: 'warn' });
  log.info('request', { status: 200 });
  log.error('unexpected error', { correlationId: 'c-1' });
  expect(lines.map((line) => line.message)).toEqual(['unexpected error']);
});

it('redacts credentials, personal data and SQL parameters, at the top and one level down', () => {
  const { lines, destination } = capture();
  createPinoLogger({ destination }).error('unexpected error', {
    authorization: 'Bearer abc.def.ghi',
    params: ['433101198001010018', '6230123412341234'],
    member: { name: '张三', idNumber: '433101198001010018', bankAccount: '6230123412341234', healthStatus: 'ILL' },
  });
  const text = JSON.stringify(lines);
  expect(text).not.toMatch(/abc\.def|433101198001010018|6230123412341234|"ILL"/);
  expect(lines[0]).toMatchObject({ authorization: '[redacted]', params: '[redacted]', member: { name: '张三', idNumber: '[redacted]' } });
});

it('refuses an unknown level by name', () => {
  expect(logLevelFrom(undefined)).toBe('info');
  expect(logLevelFrom('debug')).toBe('debug');
  expect(() => logLevelFrom('loud')).toThrow(/TUOPIN_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace/);
});

it('leaves lines without sensitive keys as they are, and never changes the caller\'s object', async () => {
  const { redactFields } = await import('./pino-logger.js');
  const clean = { requestId: 'r', status: 200, nested: { ok: true } };
  expect(redactFields(clean)).toBe(clean);
  const member = { name: '张三', idNumber: '433101198001010018' };
  const fields = { member, token: 'abc' };
  expect(redactFields(fields)).toEqual({ member: { name: '张三', idNumber: '[redacted]' }, token: '[redacted]' });
  expect(fields).toEqual({ member: { name: '张三', idNumber: '433101198001010018' }, token: 'abc' });
});

it('writes the access line, built in one string, as its generic path would, and only at an enabled level', () => {
  const { lines, destination } = capture();
  const log = createPinoLogger({ destination });
  const fields = { requestId: 'r-1', method: 'POST', path: '/graphql', operation: 'Page "1"', principalId: 'u:1', role: 'COUNTY_OFFICER', status: 429, durationMs: 1.5, statements: 2, refusals: ['RATE_LIMITED'] };
  log.request!('warn', fields);
  log.warn('request', fields);
  log.request!('info', { ...fields, operation: null, refusals: undefined, status: 200 });
  expect(lines).toHaveLength(3);
  const withoutTime = ({ time, ...rest }: Record<string, unknown>) => (expect(time).toMatch(/^\d{4}-\d\d-\d\dT/), rest);
  expect(withoutTime(lines[0])).toEqual(withoutTime(lines[1]));
  expect(Object.keys(lines[0])).toEqual(Object.keys(lines[1]));
  expect(lines[2]).toMatchObject({ level: 'info', operation: null, status: 200, message: 'request' });
  expect(lines[2]).not.toHaveProperty('refusals');
  const quiet = capture();
  createPinoLogger({ destination: quiet.destination, level: 'warn' }).request!('info', fields);
  expect(quiet.lines).toEqual([]);
});
