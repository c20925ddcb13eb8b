import { checkCharacter } from '@tuopin/core';

/**
 * A valid synthetic ID number for tests: area prefix, birth date and a sequence whose parity
 * gives the sex. Distinct sequences give distinct numbers.
 */
export function makeIdNumber(options: { area?: string; birthDate?: string; sequence: number; sex?: 'MALE' | 'FEMALE' }): string {
  const area = options.area ?? '433125';
  const birth = (options.birthDate ?? '1980-01-01').replace(/-/g, '');
  let sequence = options.sequence % 1000;
  const wantOdd = (options.sex ?? 'MALE') === 'MALE';
  if ((sequence % 2 === 1) !== wantOdd) sequence = (sequence + 1) % 1000;
  const body = `${area}${birth}${String(sequence).padStart(3, '0')}`;
  return body + checkCharacter(body);
}
