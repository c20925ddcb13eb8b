import { definePlugin } from '@tuopin/core';
import { PAIRING_EXTENDS_ROLES, PAIRING_PERMISSION_DECLARATIONS, PAIRING_ROLE_DECLARATIONS } from './access/pairing-access.js';
import { seedPairingDemo } from './demo/pairing-demo.js';
import { pairingMigrations } from './migrations/index.js';
import { pairingEntities } from './pairing.entities.js';
import { registerAgreementMutations } from './agreement/agreement.mutations.js';
import { registerAgreementSchema } from './agreement/agreement.schema.js';
import { registerAidMutations } from './aid/aid.mutations.js';
import { registerAidSchema } from './aid/aid.schema.js';
import { registerCooperationMutations } from './cooperation/cooperation.mutations.js';
import { registerCooperationSchema } from './cooperation/cooperation.schema.js';
import { registerExchangeMutations } from './exchange/exchange.mutations.js';
import { registerExchangeSchema } from './exchange/exchange.schema.js';
import { registerPairingMutations } from './pairing/pairing.mutations.js';
import { registerPairingSchema } from './pairing/pairing.schema.js';
import { registerPairingStats } from './stats/pairing-stats.schema.js';

/** The paired-assistance plugin: its definePlugin call and nothing else. */
export const pairingPlugin = definePlugin({
  name: 'pairing', // tables and migrations pairing_…, roles PAIRING_…, permissions pairing.…
  title: '东西部扶贫协作、对口帮扶与定点帮扶 Paired assistance: east–west cooperation, paired and designated-unit assistance',
  entities: pairingEntities,
  migrations: pairingMigrations,
  permissions: PAIRING_PERMISSION_DECLARATIONS,
  roles: PAIRING_ROLE_DECLARATIONS,
  extendRoles: PAIRING_EXTENDS_ROLES,
  // The GraphQL type the audit log shows each audited table's rows as.
  auditObjectTypes: {
    pairing_relation: 'Pairing',
    pairing_agreement: 'PairingAgreement',
    pairing_aid: 'PairingAid',
    pairing_exchange: 'PairingExchange',
    pairing_labour: 'PairingLabour',
    pairing_purchase: 'PairingPurchase',
    pairing_investment: 'PairingInvestment',
    pairing_visit: 'PairingVisit',
  },
  registerSchema(builder) {
    registerPairingSchema(builder);
    registerAgreementSchema(builder);
    registerAidSchema(builder);
    registerExchangeSchema(builder);
    registerCooperationSchema(builder);
    registerPairingStats(builder);
    registerPairingMutations(builder);
    registerAgreementMutations(builder);
    registerAidMutations(builder);
    registerExchangeMutations(builder);
    registerCooperationMutations(builder);
  },
  seedDemo: seedPairingDemo,
});
