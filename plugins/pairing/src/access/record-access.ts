import { ForbiddenError, grantAllows, hasPermission, isWithinScope, notFound, significantPrefix, type TuopinContext } from '@tuopin/core';
import type { Pairing } from '../pairing/pairing.entity.js';
import { pairingLoader } from '../pairing/pairing.loaders.js';
import { PAIRING_PERMISSIONS } from './pairing-access.js';

/**
 * The pairing a write records on, if the caller may record there: either he holds a grant on it
 * carrying `pairing.records.manage` (a helper-side officer of another province), or his role has
 * that permission and the helped area is in his areas. A pairing he cannot see is NotFoundError
 * (it does not reveal that it exists); one he sees but may not record on is ForbiddenError.
 */
export async function requireRecordablePairing(ctx: TuopinContext, pairingId: number, field = 'pairingId'): Promise<Pairing> {
  const pairing = await pairingLoader(ctx).load(pairingId);
  if (!pairing) throw notFound(field, '结对关系', 'Pairing');
  if (grantAllows(ctx.principal, 'Pairing', pairing.id, PAIRING_PERMISSIONS.manageRecords)) return pairing;
  if (hasPermission(ctx.principal, PAIRING_PERMISSIONS.manageRecords) && isWithinScope(pairing.areaCode, ctx.principal.areaScopes)) return pairing;
  throw new ForbiddenError(field, '您不能在该结对关系上登记', 'You may not record on this pairing');
}

/** Whether an area code lies in the pairing's helped area (the area itself or under it). */
export function inHelpedArea(pairing: Pairing, code: string): boolean {
  return isWithinScope(code, [significantPrefix(pairing.areaCode)]);
}
