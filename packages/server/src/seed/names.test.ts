import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { givenName, NAMES_FROM_REPORTS, NATIONAL_SURNAMES, personName } from './demo/names.js';
import { groupNames, placeName, villageNames, VILLAGES_FROM_REPORTS } from './demo/place-names.js';
import { POVERTY_LINES } from './demo/poverty-lines.js';
import { Random } from './demo/random.js';

const CJK_NAME = /^[\u4e00-\u9fff]{2,3}$/u;

describe('synthetic names', () => {
  it('are a surname and one or two given-name characters, 2–3 CJK characters in all', () => {
    const rng = new Random(1);
    for (let i = 0; i < 20_000; i++) {
      const name = personName(rng, NATIONAL_SURNAMES.pick(rng), rng.chance(0.5) ? 'MALE' : 'FEMALE', rng.int(1920, 2020));
      expect(name).toMatch(CJK_NAME);
    }
  });

  it('never give the name of a person named in the reports', () => {
    const rng = new Random(2);
    // The reports' people share these surnames; generate many names with them in every era.
    for (const surname of ['徐', '杨', '卢', '周', '符']) {
      for (let i = 0; i < 20_000; i++) {
        const name = personName(rng, surname, rng.chance(0.5) ? 'MALE' : 'FEMALE', rng.int(1930, 2010));
        expect(NAMES_FROM_REPORTS.has(name)).toBe(false);
      }
    }
    // Given names alone are one or two characters.
    for (let i = 0; i < 1_000; i++) expect(givenName(rng, 'FEMALE', 1975)).toMatch(/^[\u4e00-\u9fff]{1,2}$/u);
  });

  it('keeps its deny-list in step with the reports', () => {
    let reports: string;
    try {
      reports = readFileSync('/work/shared/seeds/000_8cfbe28a34b0f564.txt', 'utf8');
    } catch {
      return; // the reports are not part of every checkout
    }
    // Officials named in 篇6 (traditional characters in the source).
    for (const name of ['盧向榮', '楊志慧', '周勝益', '符家盛', '徐守盛']) {
      expect(reports).toContain(name);
      expect(NAMES_FROM_REPORTS.has(name)).toBe(true);
    }
  });
});

describe('place names', () => {
  it('makes distinct village names that are not the villages of the reports', () => {
    const rng = new Random(3);
    const names = villageNames(rng, 196, 'south');
    expect(new Set(names).size).toBe(196);
    for (const name of names) {
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}村$/u);
      expect(VILLAGES_FROM_REPORTS.has(name)).toBe(false);
    }
    expect(placeName(rng, 'north')).toMatch(/^[\u4e00-\u9fff]{2,4}$/u);
  });

  it('numbers groups 一组, 二组 …', () => {
    expect(groupNames(3)).toEqual(['一组', '二组', '三组']);
    expect(groupNames(10).at(-1)).toBe('十组');
    // 示范镇's hill villages have twenty-odd groups.
    expect(groupNames(25).slice(9, 12)).toEqual(['十组', '十一组', '十二组']);
    expect(groupNames(25).slice(19)).toEqual(['二十组', '二十一组', '二十二组', '二十三组', '二十四组', '二十五组']);
    expect(new Set(groupNames(99)).size).toBe(99);
    expect(groupNames(99).at(-1)).toBe('九十九组');
    expect(() => groupNames(100)).toThrow(/1 to 99/);
  });
});

describe('poverty lines', () => {
  it('agree with the deployment configuration', () => {
    const config = JSON.parse(readFileSync(new URL('../../../../tuopin.config.json', import.meta.url), 'utf8')) as {
      povertyLines: Record<string, string>;
    };
    for (const [year, line] of Object.entries(POVERTY_LINES)) expect(Number(config.povertyLines[year])).toBe(line);
  });
});
