import { PairingAgreementSchema } from './agreement/agreement.entity.js';
import { PairingAidSchema } from './aid/aid.entity.js';
import { PairingInvestmentSchema, PairingLabourSchema, PairingPurchaseSchema, PairingVisitSchema } from './cooperation/cooperation.entity.js';
import { PairingExchangeSchema } from './exchange/exchange.entity.js';
import { PairingSchema } from './pairing/pairing.entity.js';

/** The plugin's entities, for the ORM and the read layer. */
export const pairingEntities = [
  PairingSchema,
  PairingAgreementSchema,
  PairingAidSchema,
  PairingExchangeSchema,
  PairingLabourSchema,
  PairingPurchaseSchema,
  PairingInvestmentSchema,
  PairingVisitSchema,
] as const;
