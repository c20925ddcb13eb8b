import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber } from './id-number.js';

const TODAY = new Date('2026-11-29T00:00:00Z');
// Synthetic numbers: 433125 is 保靖县's area code; the check characters are computed, not copied.
const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('ID number validation', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    const id = withCheck('43312519800101001'); // sequence 001: odd, male
    const result = checkIdNumber(id, TODAY);
    expect(result).toEqual({ valid: true, idNumber: id, birthDate: '1980-01-01', sex: 'MALE' });
  });

  it('derives female from an even sequence digit', () => {
    const result = checkIdNumber(withCheck('43312519920229002'), TODAY);
    expect(result).toMatchObject({ valid: true, birthDate: '1992-02-29', sex: 'FEMALE' });
  });

  it('accepts X as check character, in either case', () => {
    // Find a 17-digit body whose check character is X.
    let body = '';
    for (let seq = 100; seq < 999; seq++) {
      const candidate = `4331251985061${String(seq).padStart(4, '0')}`.slice(0, 17);
      if (checkCharacter(candidate) === 'X') {
        body = candidate;
        break;
      }
    }
    expect(body).not.toBe('');
    expect(checkIdNumber(`${body}x`, TODAY)).toMatchObject({ valid: true, idNumber: `${body}X` });
  });

  it('matches the published example of GB 11643', () => {
    // The standard's own worked example: 11010519491231002 has check character X.
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it.each([
    ['43312519800101', 'LENGTH'],
    ['4331251980010100A1', 'CHARACTERS'],
    ['003125198001010011', 'AREA'],
    [withCheck('43312519800230001'), 'BIRTH_DATE'],
    [withCheck('43312520300101001'), 'BIRTH_DATE'],
    [withCheck('43312518000101001'), 'BIRTH_DATE'],
  ])('rejects %s (%s)', (idNumber, problem) => {
    expect(checkIdNumber(idNumber, TODAY)).toMatchObject({ valid: false, problem });
  });

  it('rejects a wrong check character and names the right one', () => {
    const good = withCheck('43312519800101001');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const result = checkIdNumber(wrong, TODAY);
    expect(result).toMatchObject({ valid: false, problem: 'CHECK_CHARACTER' });
    if (!result.valid) expect(result.messageEn).toContain(good[17]);
  });
});
