import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the deployment root): `.data/`, `schema/`, `tuopin.config.json` and the installed plugins' list live there. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
