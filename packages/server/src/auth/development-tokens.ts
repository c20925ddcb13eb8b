import type { Principal } from '@tuopin/core';
import { DEFAULT_TOKEN_RULES, mintToken } from './jwt.js';

/**
 * One principal per role over the demo data, so that a newcomer can call the API at once.
 * Development only: the server prints their tokens when it signs with its development secret.
 */
export const DEMO_PRINCIPALS: readonly Principal[] = [
  { id: 'demo:national-admin', role: 'NATIONAL_ADMIN', areaScopes: [''], provinceCode: null },
  { id: 'demo:hunan-admin', role: 'PROVINCE_ADMIN', areaScopes: ['43'], provinceCode: '430000000000' },
  { id: 'demo:baojing-county-officer', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' },
  { id: 'demo:qianling-township-officer', role: 'TOWNSHIP_OFFICER', areaScopes: ['433125100'], provinceCode: '430000000000' },
  { id: 'demo:dalaoyemiao-village-officer', role: 'VILLAGE_OFFICER', areaScopes: ['211382108201'], provinceCode: '210000000000' },
  // 示范县 and its township 示范镇 (合成省), where the relocation and education demos live.
  { id: 'demo:shifan-county-officer', role: 'COUNTY_OFFICER', areaScopes: ['809901'], provinceCode: '800000000000' },
  { id: 'demo:shifan-township-officer', role: 'TOWNSHIP_OFFICER', areaScopes: ['809901101'], provinceCode: '800000000000' },
  { id: 'demo:national-auditor', role: 'AUDITOR', areaScopes: [''], provinceCode: null },
  { id: 'demo:baojing-ngo-partner', role: 'NGO_PARTNER', areaScopes: ['433125'], provinceCode: '430000000000' },
];

export interface DevelopmentToken {
  principal: Principal;
  token: string;
}

/** Tokens for the demo principals, valid as long as the server lets a token live. */
export function developmentTokens(secret: string, options: { issuer: string; audience: string; maxLifetimeSeconds?: number }): Promise<DevelopmentToken[]> {
  const expiresIn = `${options.maxLifetimeSeconds ?? DEFAULT_TOKEN_RULES.maxLifetimeSeconds}s`;
  return Promise.all(DEMO_PRINCIPALS.map(async (principal) => ({ principal, token: await mintToken(secret, principal, { ...options, expiresIn }) })));
}
