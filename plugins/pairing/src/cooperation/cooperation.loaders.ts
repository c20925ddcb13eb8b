import { MemberSchema, scopedLoaderBy } from '@tuopin/core';
import { pairingRowLoader, rowsByPairingLoader } from '../shared/pairing-rows.js';
import { PairingInvestmentSchema, PairingLabourSchema, PairingPurchaseSchema, PairingVisitSchema } from './cooperation.entity.js';

// Placements name registered people: by the person's village, never through a grant on the pairing.
export const labourLoader = pairingRowLoader(PairingLabourSchema, 'village_code', false);
export const labourByPairingLoader = rowsByPairingLoader(PairingLabourSchema);
export const purchaseLoader = pairingRowLoader(PairingPurchaseSchema);
export const purchasesByPairingLoader = rowsByPairingLoader(PairingPurchaseSchema);
export const investmentLoader = pairingRowLoader(PairingInvestmentSchema);
export const investmentsByPairingLoader = rowsByPairingLoader(PairingInvestmentSchema);
export const visitLoader = pairingRowLoader(PairingVisitSchema);
export const visitsByPairingLoader = rowsByPairingLoader(PairingVisitSchema);

/** Members by id, within the caller's registry scope. */
export const memberByIdLoader = scopedLoaderBy(MemberSchema, 'id');
