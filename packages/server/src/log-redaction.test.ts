import { describe, expect, it } from 'vitest';
import { describeErrorForLog, redactText, sqlShape } from './log-redaction.js';

describe('log redaction', () => {
  it('reduces SQL to its shape', () => {
    expect(sqlShape(`select * from member where id_number = '43312519800101001X' and name = E'张''三' and id in (12, 345)\n  limit 21`)).toBe(
      'select * from member where id_number = ? and name = ? and id in (?, ?) limit ?',
    );
    expect(sqlShape('select m2.id, $1::int from t1 where "col9" = 3.5')).toBe('select m2.id, $1::int from t1 where "col9" = ?');
  });

  it('takes values out of messages and keeps the names it is told to', () => {
    expect(redactText('invalid input syntax for type integer: "张三"')).toBe('invalid input syntax for type integer: "?"');
    expect(redactText('violates unique constraint "member_id_number_unique"', new Set(['member_id_number_unique']))).toBe(
      'violates unique constraint "member_id_number_unique"',
    );
    expect(redactText('member 43312519800101001x of 彭大山, account 6230123456781234, port 5432')).toBe('member ? of ?, account ?, port 5432');
  });

  it('describes errors that are not Errors', () => {
    expect(describeErrorForLog('failed for 433125198001010018')).toEqual({ error: 'failed for ?' });
  });
});
