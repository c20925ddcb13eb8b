import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@tuopin/server';
import { describe, expect, it } from 'vitest';
import { findMutationRuns, findUncheckedMutations, type SourceFile } from './unchecked-mutations.js';

/**
 * A test whose setup mutation failed must not pass: every mutation a test runs has its result
 * read — through `mustSucceed` for setup, through assertions for the mutation under test. This
 * guard scans the test sources for runs whose result is thrown away (see unchecked-mutations.ts
 * for the heuristic and what it leaves to review).
 */

/** Test sources: `test/` (without the benchmarks), every plugin's `test/`, and unit tests beside sources. */
function testSources(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string, take: (file: string) => boolean): void => {
    for (const entry of readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name);
      // Dot folders are scratch (the scaffold test generates plugins into test/.scaffold-*/ and removes them).
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || relative === 'test/bench') continue;
      if (entry.isDirectory()) walk(relative, take);
      else if (entry.name.endsWith('.ts') && take(relative)) files.push({ path: relative, text: readFileSync(path.join(REPO_ROOT, relative), 'utf8') });
    }
  };
  walk('test', () => true);
  for (const folder of ['plugins', 'packages']) walk(folder, (file) => file.includes('/test/') || file.endsWith('.test.ts'));
  return files;
}

describe('setup checks', () => {
  it('finds no mutation in the tests whose result is thrown away', () => {
    const sources = testSources();
    const runs = findMutationRuns(sources);
    // The scan must see the tests' mutations at all, in-process and over HTTP, or it proves nothing.
    expect(runs.length).toBeGreaterThan(150);
    expect(runs.some((run) => run.file.startsWith('plugins/finance/test/'))).toBe(true);
    expect(runs.some((run) => run.code.includes('.post('))).toBe(true);
    expect(findUncheckedMutations(sources)).toEqual([]);
  });

  it('flags a setup mutation run as a bare statement, voided, or stored and never read (or only thrown away later)', () => {
    const bad: SourceFile = {
      path: 'test/bad.test.ts',
      text: `
        import { UpdateHousehold } from './operations.js';
        const AddMember = graphql(\`mutation AddMember($input: AddMemberInput!) { addMember(input: $input) { __typename } }\`);
        const MOVE = \`mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename } }\`;
        it('counts', async () => {
          await server.execute(UpdateHousehold, { input: { id, villageCode } });
          void server.execute(AddMember, { input });
          const added = await server.execute(AddMember, { input });
          await Promise.all([1, 2].map(() => server.execute(documentOf(\`mutation { x }\`))));
          await server.post({ query: MOVE, variables: { input } }, headers);
          await post(officer, MOVE, { input });
          const adds = ids.map(() => server.execute(AddMember, { input }));
          await Promise.all([...adds]);
          expect(await count()).toBe(3);
        });`,
    };
    const operations: SourceFile = {
      path: 'test/operations.ts',
      text: 'export const UpdateHousehold = graphql(`\n  mutation UpdateHousehold($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename } }`);',
    };
    expect(findUncheckedMutations([bad, operations]).map(({ line, unchecked }) => [line, unchecked])).toEqual([
      [6, 'its result is thrown away'],
      [7, 'its result is voided'],
      [8, 'its result is stored but never read'],
      [9, 'its result is thrown away'],
      [10, 'its result is thrown away'],
      [11, 'its result is thrown away'],
      [12, 'its result is stored, then thrown away'],
    ]);
  });

  it('accepts results that are read, and queries, and the helpers that check for themselves', () => {
    const good: SourceFile = {
      path: 'test/good.test.ts',
      text: `
        const Move = graphql(\`mutation Move($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename } }\`);
        const Read = graphql(\`query Read($id: ID!) { node(id: $id) { id } }\`);
        it('moves', async () => {
          mustSucceed(await server.execute(Move, { input }));
          const { household } = mustSucceed(await server.execute(Move, { input }));
          const refused = await server.execute(Move, { input: bad });
          expect(refused.data!.updateHousehold.__typename).toBe('NotFoundError');
          const all = await Promise.all(ids.map((id) => server.execute(Move, { input: { id } })));
          for (const result of all) mustSucceed(result);
          const move = (input: unknown) => server.execute(Move, { input }).then((r) => r.data!.updateHousehold);
          const heads = ids.map((id) => server.execute(Move, { input: { id } }));
          const [moved] = await Promise.all([Promise.all(heads), count()]);
          expect(moved.map((result) => result.data!.updateHousehold.__typename)).toEqual(['UpdateHouseholdPayload']);
          expect(row.heads).toBe(1);
          await server.execute(Read, { id });
          await mutate(world, \`mutation($input: X!) { x(input: $input) { __typename } }\`, {}, 'XPayload');
        });`,
    };
    expect(findMutationRuns([good]).map((run) => run.line)).toEqual([5, 6, 7, 9, 11, 12]);
    expect(findUncheckedMutations([good])).toEqual([]);
  });
});
