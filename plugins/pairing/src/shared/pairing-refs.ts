import { perBuilder, type TuopinBuilder } from '@tuopin/core';
import type { PairingAgreement } from '../agreement/agreement.entity.js';
import type { PairingAid } from '../aid/aid.entity.js';
import type { PairingInvestment, PairingLabour, PairingPurchase, PairingVisit } from '../cooperation/cooperation.entity.js';
import type { PairingExchange } from '../exchange/exchange.entity.js';
import type { Pairing } from '../pairing/pairing.entity.js';
import type { PairingStatsSource } from '../stats/pairing-stats.loader.js';

/** The plugin's own GraphQL types, one set per builder (a ref belongs to the builder that made it). */
export const pairingRefs = perBuilder((builder: TuopinBuilder) => ({
  Pairing: builder.objectRef<Pairing>('Pairing'),
  PairingAgreement: builder.objectRef<PairingAgreement>('PairingAgreement'),
  PairingAid: builder.objectRef<PairingAid>('PairingAid'),
  PairingExchange: builder.objectRef<PairingExchange>('PairingExchange'),
  PairingLabour: builder.objectRef<PairingLabour>('PairingLabour'),
  PairingPurchase: builder.objectRef<PairingPurchase>('PairingPurchase'),
  PairingInvestment: builder.objectRef<PairingInvestment>('PairingInvestment'),
  PairingVisit: builder.objectRef<PairingVisit>('PairingVisit'),
  PairingStats: builder.objectRef<PairingStatsSource>('PairingStats'),
}));
