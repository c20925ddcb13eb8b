import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { roleDeclaration, type Principal, type Role } from '@tuopin/core';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ConfigurationError } from '../configuration-error.js';

/**
 * Trusted documents (persisted operations): the operations frontend teams registered at build
 * time, by the SHA-256 hash of their text, and the roles that may run nothing else.
 */
export interface TrustedDocuments {
  /** sha256 hex of a document's text → the text (keys without the `sha256:` prefix). */
  readonly documents: ReadonlyMap<string, string>;
  /** Roles whose requests must name a registered operation by hash; any other document is refused. */
  readonly requireFor: ReadonlySet<Role>;
}

export const NO_TRUSTED_DOCUMENTS: TrustedDocuments = { documents: new Map(), requireFor: new Set() };

/**
 * Reads `http.trustedDocuments: { manifests: [...], requireFor: [...] }`. A manifest is the JSON
 * object graphql-codegen's client preset writes with `persistedDocuments` (hash → document);
 * paths are relative to the configuration file. Every hash is checked against its document, so a
 * manifest cannot register one text under another's hash.
 */
export function loadTrustedDocuments(raw: unknown, configFile: string): TrustedDocuments {
  if (raw === undefined) return NO_TRUSTED_DOCUMENTS;
  const { manifests = [], requireFor = [] } = (raw ?? {}) as { manifests?: unknown; requireFor?: unknown };
  if (!Array.isArray(manifests) || !manifests.every((file) => typeof file === 'string')) {
    throw new ConfigurationError('http.trustedDocuments.manifests must be a list of manifest files (hash → document JSON)');
  }
  // Plugins declare roles too, and they are known only once the platforms are built: here the
  // names' shape, in createApp whether each is declared (checkTrustedDocumentRoles).
  if (!Array.isArray(requireFor) || !requireFor.every((role) => typeof role === 'string' && ROLE_NAME.test(role))) {
    throw new ConfigurationError('http.trustedDocuments.requireFor must be a list of role names (COUNTY_OFFICER, NGO_PARTNER, a plugin\'s role…)');
  }
  const documents = new Map<string, string>();
  for (const file of manifests as string[]) {
    const resolved = path.resolve(path.dirname(configFile), file);
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(resolved, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(`cannot read the trusted-documents manifest ${resolved}: ${(error as Error).message}`);
    }
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new ConfigurationError(`${resolved} must map hashes to documents`);
    for (const [key, document] of Object.entries(manifest)) {
      const hash = bareHash(key);
      if (typeof document !== 'string' || sha256(document) !== hash) {
        throw new ConfigurationError(`${resolved}: the document under ${key} is not a string whose SHA-256 is that hash`);
      }
      documents.set(hash, document);
    }
  }
  if (requireFor.length > 0 && documents.size === 0) {
    throw new ConfigurationError('http.trustedDocuments.requireFor needs at least one manifest: those roles could run nothing');
  }
  return { documents, requireFor: new Set(requireFor as Role[]) };
}

const ROLE_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Refuses, at start-up, a `requireFor` role that neither core nor an installed plugin declares: a
 * misspelt role would otherwise leave the callers it meant to restrict free to send any document.
 */
export function checkTrustedDocumentRoles(trusted: TrustedDocuments): void {
  const unknown = [...trusted.requireFor].filter((role) => roleDeclaration(role) === undefined);
  if (unknown.length > 0) {
    throw new ConfigurationError(`http.trustedDocuments.requireFor names ${unknown.map((role) => `'${role}'`).join(', ')}, which neither core nor an installed plugin declares`);
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The client preset writes `sha256:<hex>`; other clients send the hex alone. Both name the same document. */
const bareHash = (key: string) => (key.startsWith('sha256:') ? key.slice('sha256:'.length) : key);

const refusal = (code: string, zh: string, en: string) => () =>
  createGraphQLError(`${zh} / ${en}`, { extensions: { code, messageZh: zh, messageEn: en, http: { status: 400 } } });

const persistedQueryOnly = refusal('PERSISTED_QUERY_ONLY', '此角色只能运行已登记的操作（按哈希发送）', 'This role may run registered operations only (send them by hash)');
const hashRequired = refusal('PERSISTED_QUERY_ID_REQUIRED', '请求须带 query 或已登记操作的哈希', 'Send a query or the hash of a registered operation');
const notRegistered = refusal('PERSISTED_QUERY_NOT_FOUND', '未登记的操作：清单中没有此哈希', 'Unregistered operation: no document in the manifest has this hash');

/**
 * Persisted operations over the manifests, as the APQ convention sends them: a request may name a
 * registered operation by `extensions.persistedQuery.sha256Hash` (version 1) instead of its text;
 * a caller whose role is in `requireFor` may send nothing else. Installed even with no manifest,
 * so that a client sending a hash always learns `PERSISTED_QUERY_NOT_FOUND` (and may send the
 * text instead).
 *
 * One synchronous hook that reads the caller from the server context (the gateway put it there).
 * yoga's persisted-operations plugin, used before, decides on the Request alone: it needed a
 * second hook to remember each request's caller in a WeakMap, and asked for its verdict through
 * a maybe-promise, on every request.
 */
export function useTrustedDocuments(trusted: TrustedDocuments): Plugin {
  return {
    onParams({ params, context, setParams }) {
      if (params.query) {
        const role = (context as { principal?: Principal | null }).principal?.role;
        // Fails closed: a request whose caller is unknown here runs registered operations only.
        if (role === undefined || trusted.requireFor.has(role)) throw persistedQueryOnly();
        return;
      }
      const hash = persistedOperationHash(params.extensions);
      if (hash === null) throw hashRequired();
      const document = trusted.documents.get(bareHash(hash));
      if (document === undefined) throw notRegistered();
      setParams({ ...params, query: document });
    },
  };
}

/** `extensions.persistedQuery.sha256Hash` of the APQ convention (version 1), or null. */
function persistedOperationHash(extensions: Record<string, unknown> | undefined): string | null {
  const persisted = extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | null | undefined;
  if (typeof persisted !== 'object' || persisted === null || persisted.version !== 1) return null;
  return typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

