import type { PairingAgreement } from './agreement/agreement.entity.js';
import type { PairingAid } from './aid/aid.entity.js';
import type { PairingInvestment, PairingLabour, PairingPurchase, PairingVisit } from './cooperation/cooperation.entity.js';
import type { PairingExchange } from './exchange/exchange.entity.js';
import type { Pairing } from './pairing/pairing.entity.js';
import type { PairingStatsSource } from './stats/pairing-stats.loader.js';

/** The plugin's object types by name, with the value their resolvers receive. */
export interface PairingObjectTypes {
  Pairing: Pairing;
  PairingAgreement: PairingAgreement;
  PairingAid: PairingAid;
  PairingExchange: PairingExchange;
  PairingLabour: PairingLabour;
  PairingPurchase: PairingPurchase;
  PairingInvestment: PairingInvestment;
  PairingVisit: PairingVisit;
  PairingStats: PairingStatsSource;
}

// Declaration merging: `builder.objectField('Pairing', …)` is typed in every plugin that loads this entry.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends PairingObjectTypes {}
}
