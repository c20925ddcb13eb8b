import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditTrail } from './audit-trail.js';
import type { IdempotentRequest } from './idempotency/idempotency-key.js';
import type { ReadLayer } from './read/read-layer.js';
import type { Principal } from './principal.js';
import type { PlatformSettings } from './settings.js';
import type { TuopinPlugin } from './plugin.js';

/**
 * The per-request context every resolver receives. One entity-manager fork per request, made on
 * first use of `em`, keeps the identity map request-local; batched loaders hang off this object (Pothos keys its
 * dataloaders and `createContextCache` by the context's identity).
 */
export interface TuopinContext {
  /** A fork of the ORM's entity manager, private to this request; forked when first read. */
  readonly em: EntityManager;
  /** The read path (node-postgres on the ORM's pool): every read of core and the plugins goes through it. */
  readonly db: ReadLayer;
  readonly principal: Principal;
  readonly settings: PlatformSettings;
  /** Correlation id, echoed in logs, masked errors and audit records. */
  readonly requestId: string;
  /** The running mutation and the personal data read unmasked, for the audit log. */
  readonly audit: AuditTrail;
  /**
   * The plugins enabled for this request (the caller's province's set, core first), so that a
   * service calls the hooks of the plugin contract for exactly those, without importing any.
   */
  readonly plugins: readonly TuopinPlugin[];
  /**
   * The request's `Idempotency-Key` header, when it has one: every mutation field then runs at
   * most once for the caller and key (kernel/idempotency/). Absent, mutations run as always.
   */
  readonly idempotency?: IdempotentRequest;
}
