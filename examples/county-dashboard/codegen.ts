import { fileURLToPath } from 'node:url';
import { tuopinCodegenConfig } from '@tuopin/client/codegen';

// Paths from this file, so the root's `pnpm codegen` and this package's own scripts agree.
const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// Types for the operations in src/, and src/gql/persisted-documents.json: the manifest a
// deployment registers so that this dashboard may run its operations by hash.
export default tuopinCodegenConfig({ documents: [here('./src/**/*.ts'), `!${here('./src/gql/**')}`], output: here('./src/gql/') });
