import { scopedLoaderByCode } from '@tuopin/core';
import { PairingSchema } from './pairing.entity.js';

/** Pairings by id: those of the caller's areas (the helped side) and those granted to him; others load as null. */
export const pairingLoader = scopedLoaderByCode(PairingSchema, 'id', 'areaCode', 'Pairing');
