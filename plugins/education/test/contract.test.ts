import { runContractSweeps } from '@tuopin/testing';

// The plugin contract's sweeps over core and this plugin: bilingual descriptions, the scope
// structure, the audit trigger on every table, every mutation named to the audit trail.
runContractSweeps();
