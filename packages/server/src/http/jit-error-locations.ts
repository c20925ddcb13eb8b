import { GraphQLError, type DocumentNode, type ExecutionResult, type Source, type SourceLocation } from 'graphql';

/**
 * Gives graphql-jit's errors the source and positions graphql-js's errors carry, so that they keep
 * their `locations` to the client.
 *
 * graphql-jit reports where an error happened as `locations` (line and column) only, with no AST
 * nodes and no source positions. Every later step that rebuilds an error rebuilds it from nodes,
 * source and positions, from which graphql-js computes `locations`: tuopin's error masker
 * (`mask-error.ts`), and yoga again when it writes the response (its result processor drops
 * internal extensions that way). A jit error's locations were lost at both. Here, the one place
 * compiled results enter the pipeline, each such error becomes a graphql-js error over the
 * document's source at the positions of its locations; its message, path, extensions and original
 * error are kept, so the masker decides about it exactly as about graphql-js's own.
 */
export function withSourcePositions(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  const source = document.loc?.source;
  if (!result.errors?.length || !source) return result;
  let lineStarts: readonly number[] | undefined;
  const errors = result.errors.map((error) => {
    if (error.positions !== undefined || !error.locations?.length) return error;
    lineStarts ??= lineStartsOf(source);
    const positions = positionsOf(error.locations, lineStarts);
    if (!positions) return error;
    return new GraphQLError(error.message, { source, positions, path: error.path, originalError: error.originalError, extensions: error.extensions });
  });
  return { ...result, errors };
}

/** Where each line of the source begins, by the line terminators graphql-js counts (`getLocation`). */
function lineStartsOf(source: Source): number[] {
  const starts = [0];
  for (const terminator of source.body.matchAll(/\r\n|[\n\r]/g)) starts.push(terminator.index + terminator[0].length);
  return starts;
}

/** Offsets in the source of 1-based lines and columns; undefined if one lies outside it. */
function positionsOf(locations: readonly SourceLocation[], lineStarts: readonly number[]): number[] | undefined {
  const positions: number[] = [];
  for (const { line, column } of locations) {
    const lineStart = lineStarts[line - 1];
    if (lineStart === undefined || column < 1) return undefined;
    positions.push(lineStart + column - 1);
  }
  return positions;
}
