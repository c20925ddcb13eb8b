import ts from 'typescript';

/**
 * Finds mutations that tests run and then ignore: a test whose setup mutation fails with a typed
 * error (or GraphQL errors) still passes when nobody looks at the result. The check is a simple
 * heuristic on the syntax tree, so that it stays understandable:
 *
 * - a *mutation document* is a constant defined with `graphql(`mutation …`)`,
 *   `documentOf(`mutation …`)` or a template string that starts with `mutation`, in any scanned
 *   file (documents are shared between files by import, so names are collected across all of
 *   them), or such a call or string written inline;
 * - a *run* is a call that takes a mutation document as an argument (`server.execute(Doc, …)`,
 *   a test's own `post(caller, DOC, input)`) or as the `query` of a request body
 *   (`server.post({ query: DOC, … })`), other than the helpers that check the payload themselves
 *   (`CHECKING_HELPERS`);
 * - a function that returns a run's result unread (`const allocate = (…) => server.execute(…)`,
 *   `return post(…)`) is a run helper: its calls in the same file are runs too;
 * - a run is *unchecked* when its result is thrown away: the awaited call is a statement of its
 *   own (`await server.execute(UpdateHousehold, { input });`), is `void`ed, goes into a
 *   `Promise.all` whose result is thrown away, or is stored in a variable that is never read or
 *   only so thrown away.
 *
 * A result that is read at all passes (through `mustSucceed`, an `expect`, a `__typename` test,
 * or a helper that takes it). What a test does with what it reads is left to review.
 */
export interface MutationRun {
  file: string;
  line: number;
  /** The statement, on one line. */
  code: string;
  /** Why its result is not looked at; null when something reads it. */
  unchecked: string | null;
}

export interface SourceFile {
  path: string;
  text: string;
}

/** The runs whose result nobody reads. */
export function findUncheckedMutations(files: readonly SourceFile[]): MutationRun[] {
  return findMutationRuns(files).filter((run) => run.unchecked !== null);
}

/** Every run of a mutation document in the files, with whether its result is read. */
export function findMutationRuns(files: readonly SourceFile[]): MutationRun[] {
  const parsed = files.map((file) => ({ path: file.path, source: ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) }));
  // Documents are shared by import: a name is a mutation document in a file that declares it so,
  // or that imports it from a file that exports it.
  const exported = new Set<string>();
  for (const { source } of parsed) for (const declared of mutationDocumentsOf(source)) if (declared.exported) exported.add(declared.name);
  const runs: MutationRun[] = [];
  for (const { path, source } of parsed) {
    const documents = new Set([...mutationDocumentsOf(source).map((declared) => declared.name), ...importedNames(source).filter((name) => exported.has(name))]);
    // A function that hands a run's result back (`const allocate = (…) => server.execute(…)`) is a
    // run itself where it is called: found until no new one turns up.
    const helpers = new Set<string>();
    let calls: ts.CallExpression[] = [];
    for (let size = -1; size !== helpers.size; ) {
      size = helpers.size;
      calls = runsIn(source, (call) => runsMutation(call, documents) || (ts.isIdentifier(call.expression) && helpers.has(call.expression.text)));
      for (const call of calls) {
        const use = useOf(call, source);
        if (typeof use === 'object' && use !== null) helpers.add(use.returnedBy);
      }
    }
    for (const call of calls) {
      const use = useOf(call, source);
      const line = source.getLineAndCharacterOfPosition(call.getStart(source)).line + 1;
      runs.push({ file: path, line, code: statementOf(call).getText(source).replace(/\s+/g, ' ').slice(0, 160), unchecked: typeof use === 'string' ? use : null });
    }
  }
  return runs;
}

function runsIn(source: ts.SourceFile, isRun: (call: ts.CallExpression) => boolean): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isRun(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Constants of a file that hold a mutation document (or a mutation's source text). */
function mutationDocumentsOf(source: ts.SourceFile): { name: string; exported: boolean }[] {
  const found: { name: string; exported: boolean }[] = [];
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isMutationDocument(node.initializer, names)) {
      names.add(node.name.text);
      const statement = node.parent.parent;
      const exported = ts.isVariableStatement(statement) && (statement.modifiers ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
      found.push({ name: node.name.text, exported });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importedNames(source: ts.SourceFile): string[] {
  return source.statements.flatMap((statement) => {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    return bindings && ts.isNamedImports(bindings) ? bindings.elements.map((element) => element.name.text) : [];
  });
}

function isMutationDocument(node: ts.Expression, documents: ReadonlySet<string>): boolean {
  const inner = unwrap(node);
  if (ts.isIdentifier(inner)) return documents.has(inner.text);
  if (ts.isNoSubstitutionTemplateLiteral(inner) || ts.isStringLiteral(inner)) return startsWithMutation(inner.text);
  if (ts.isTemplateExpression(inner)) return startsWithMutation(inner.head.text);
  if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && DOCUMENT_BUILDERS.has(inner.expression.text)) {
    const [first] = inner.arguments;
    return first !== undefined && isMutationDocument(first, documents);
  }
  return false;
}

function startsWithMutation(text: string): boolean {
  return /^\s*(#[^\n]*\n\s*)*mutation\b/.test(text);
}

/**
 * A call that runs a mutation: one that takes a mutation document as an argument
 * (`server.execute(Doc, …)`, a test's own `post(caller, DOC, input)`), or a request body with
 * one as its `query` (`server.post({ query: DOC, … })`). Building a document (`graphql`,
 * `documentOf`, `print`) is not a run, and neither is a call of a helper that checks the payload
 * itself (`CHECKING_HELPERS`).
 */
function runsMutation(call: ts.CallExpression, documents: ReadonlySet<string>): boolean {
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
  if (name !== null && (DOCUMENT_BUILDERS.has(name) || CHECKING_HELPERS.has(name))) return false;
  return call.arguments.some(
    (argument) =>
      isMutationDocument(argument, documents) ||
      (ts.isObjectLiteralExpression(argument) &&
        argument.properties.some((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'query' && isMutationDocument(property.initializer, documents))),
  );
}

const DOCUMENT_BUILDERS: ReadonlySet<string> = new Set(['graphql', 'documentOf', 'print', 'parse']);

/**
 * Helpers that fail the test themselves unless the mutation returns its payload, so that a call
 * of theirs may stand alone: `mustSucceed`, and the audit sweep's `mutate` (test/fixtures/audit-steps.ts).
 */
export const CHECKING_HELPERS: ReadonlySet<string> = new Set(['mustSucceed', 'mutate']);

/**
 * What becomes of a run's result: why it is not looked at (a string), null when something reads
 * it, or the name of the function that returns it to its callers.
 */
function useOf(call: ts.Node, source: ts.SourceFile, depth = 0): string | null | { returnedBy: string } {
  let node: ts.Node = call;
  for (;;) {
    const parent = node.parent;
    if (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent)) {
      node = parent;
    } else if (ts.isPropertyAccessExpression(parent) && parent.name.text === 'then' && ts.isCallExpression(parent.parent)) {
      node = parent.parent; // the result is whatever the callback makes of it
    } else if (ts.isArrayLiteralExpression(parent) && isPromiseAll(parent.parent)) {
      node = parent.parent;
    } else if (ts.isArrowFunction(parent) && parent.body === node && ts.isCallExpression(parent.parent) && isCollecting(parent.parent)) {
      node = parent.parent; // Array.from({ length }, () => run) or runs.map(() => run)
    } else if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent) || (ts.isCallExpression(parent) && isCollecting(parent))) {
      node = parent;
    } else if (ts.isExpressionStatement(parent)) {
      return 'its result is thrown away';
    } else if (ts.isVoidExpression(parent)) {
      return 'its result is voided';
    } else if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
      return readOf(parent.name, source, depth);
    } else if ((ts.isArrowFunction(parent) && parent.body === node) || ts.isReturnStatement(parent)) {
      const name = nameOfFunction(ts.isReturnStatement(parent) ? enclosingFunction(parent) : parent);
      return name === null ? null : { returnedBy: name };
    } else {
      return null;
    }
  }
}

function enclosingFunction(node: ts.Node): ts.Node | undefined {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current)) current = current.parent;
  return current;
}

/** `function name(…)`, `const name = (…) => …` or `const name = function (…)`. */
function nameOfFunction(fn: ts.Node | undefined): string | null {
  if (fn === undefined) return null;
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text ?? null;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return null;
}

function isPromiseAll(node: ts.Node): boolean {
  return ts.isCallExpression(node) && node.expression.getText() === 'Promise.all';
}

/** Calls that only gather runs into a collection: `Promise.all`, `Array.from`, `.map`. */
function isCollecting(call: ts.CallExpression): boolean {
  const callee = call.expression.getText();
  return callee === 'Promise.all' || callee === 'Array.from' || (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'map');
}

/**
 * What becomes of a stored result: read (null) when any later use of a name the declaration binds
 * reads it; otherwise why not (never used, or only ever put into a `Promise.all` that is thrown
 * away, as in `const adds = ids.map(() => server.execute(…)); await Promise.all([...adds]);`).
 */
function readOf(name: ts.BindingName, source: ts.SourceFile, depth: number): string | null {
  if (!ts.isIdentifier(name)) {
    const reasons = name.elements.map((element) => (ts.isOmittedExpression(element) ? 'omitted' : readOf(element.name, source, depth)));
    return reasons.includes(null) ? null : 'its result is stored but never read';
  }
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && node.getStart(source) > name.getStart(source) && !isPropertyName(node)) uses.push(node);
    else ts.forEachChild(node, visit);
  };
  visit(scopeOf(name));
  if (uses.length === 0) return 'its result is stored but never read';
  if (depth > 3) return null; // a chain of names this long is read somewhere: leave it to review
  const ignored = uses.map((use) => useOf(use, source, depth + 1)).filter((use) => typeof use === 'string');
  return ignored.length === uses.length ? 'its result is stored, then thrown away' : null;
}

/** `x.heads`, `{ heads: 1 }`, `{ heads: string }`: a property of that name, not a use of the variable. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isBindingElement(parent)) &&
    (parent.name === node || (ts.isBindingElement(parent) && parent.propertyName === node))
  );
}

function scopeOf(node: ts.Node): ts.Node {
  let scope = node.parent;
  while (!ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  return scope;
}

function unwrap(node: ts.Expression): ts.Expression {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
  return inner;
}

function statementOf(node: ts.Node): ts.Node {
  let statement = node;
  while (!ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent)) statement = statement.parent;
  return statement;
}
