/**
 * 居民身份证号码 (GB 11643-1999): 6 digits of the issuing area, 8 digits of birth date
 * (YYYYMMDD), 3 digits of sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check
 * character, which may be X.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export type IdNumberProblem = 'LENGTH' | 'CHARACTERS' | 'AREA' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export type IdNumberCheck =
  | { valid: true; idNumber: string; birthDate: string; sex: 'MALE' | 'FEMALE' }
  | { valid: false; problem: IdNumberProblem; messageZh: string; messageEn: string };

/** The check character the first 17 digits call for. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Validates an ID number and derives the birth date and sex from it. A lower-case x is accepted
 * and normalised to X. `today` is injectable so that tests do not depend on the clock.
 */
export function checkIdNumber(input: string, today: Date = new Date()): IdNumberCheck {
  const idNumber = input.trim().toUpperCase();
  const fail = (problem: IdNumberProblem, messageZh: string, messageEn: string): IdNumberCheck => ({
    valid: false,
    problem,
    messageZh,
    messageEn,
  });
  if (idNumber.length !== 18) {
    return fail('LENGTH', `身份证号应为18位，实际${idNumber.length}位`, `An ID number has 18 characters, this one has ${idNumber.length}`);
  }
  if (!SHAPE.test(idNumber)) {
    return fail('CHARACTERS', '身份证号前17位须为数字，末位为数字或X', 'An ID number is 17 digits followed by a digit or X');
  }
  const province = Number(idNumber.slice(0, 2));
  if (province < 11 || province > 82) {
    return fail('AREA', '身份证号前两位不是有效的省级行政区划代码', 'The first two digits are not a valid province code');
  }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isPlausibleBirthDate(birthDate, today)) {
    return fail('BIRTH_DATE', `身份证号中的出生日期${birthDate}无效`, `The birth date in the ID number, ${birthDate}, is not a valid date`);
  }
  const expected = checkCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) {
    return fail('CHECK_CHARACTER', `身份证号校验位错误，应为${expected}`, `The check character is wrong; it should be ${expected}`);
  }
  const sex = Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { valid: true, idNumber, birthDate, sex };
}

function isPlausibleBirthDate(text: string, today: Date): boolean {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && y >= 1890 && date.getTime() <= today.getTime();
}
