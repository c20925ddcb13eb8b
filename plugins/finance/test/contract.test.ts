import { runContractSweeps } from '@tuopin/testing';

// The plugin contract's sweeps for finance and core alone: descriptions, the audit trail of every
// table and mutation. The root suite runs the same sweeps over every installed plugin.
runContractSweeps();
