import { describe, expect, it } from 'vitest';
import { isWithinScope } from '@tuopin/core';

/** The definition the kernel's lookup must agree with: some prefix starts the code. */
const byDefinition = (code: string, prefixes: readonly string[]) => prefixes.some((prefix) => code.startsWith(prefix));

describe('isWithinScope', () => {
  // Few prefixes are compared one by one, many are looked up by length: both must mean the same.
  const counties = Array.from({ length: 37 }, (_, i) => `80${String(i + 1).padStart(2, '0')}${i % 2 ? '21' : '02'}`);
  const mixed = [...counties, '43', '4331', '433125', '433125100', '433125100201'];
  const codes = [
    '800102000000', '803702000000', '803721000000', '800121000000', '809902000000', '430000000000', '433125100201',
    '433126000000', '4331', '43', '8', '', '800102', '80010', '800102100200',
  ];

  for (const [name, prefixes] of [['three counties', counties.slice(0, 3)], ['37 counties', counties], ['prefixes of every length', mixed]] as const) {
    it(`agrees with the definition for ${name}`, () => {
      for (const code of codes) expect(isWithinScope(code, prefixes), `${code} in ${name}`).toBe(byDefinition(code, prefixes));
    });
  }

  it('finds a code in a scope of many prefixes and not outside it', () => {
    expect(isWithinScope('803721101202', counties)).toBe(byDefinition('803721101202', counties));
    expect(isWithinScope('803702101202', counties)).toBe(true);
    expect(isWithinScope('810102000000', counties)).toBe(false);
  });

  it('gives the whole country to the empty prefix, among many or alone', () => {
    expect(isWithinScope('433125100201', [''])).toBe(true);
    expect(isWithinScope('433125100201', [...counties, ''])).toBe(true);
    expect(isWithinScope('433125100201', counties)).toBe(false);
  });
});
