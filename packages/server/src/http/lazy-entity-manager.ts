import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { TuopinContext } from '@tuopin/core';
import type { Plugin } from 'graphql-yoga';
import { requestLoggerContext } from '../observability/orm-statement-count.js';

/**
 * Gives each request's context its entity manager, forked on first use: requests whose resolvers
 * never touch the ORM (`{ __typename }`, a statistic read from a loader that another request
 * primed, …) no longer pay for a fork. The getter is defined on the context object itself, once
 * envelop has built it: a getter in the object the context factory returns would be read (and the
 * fork made) when envelop copies that object into the context with Object.assign.
 *
 * Every request shares one property descriptor and one getter, which replaces itself with the
 * fork on first use: no closure is made per request that does not use the ORM (under tsx each
 * would also be named with `Object.defineProperty`). The fork's logger context counts its
 * statements, and those of its forks (a transaction's), against the request (orm-statement-count.ts).
 */
export function useLazyEntityManager(orm: MikroORM): Plugin {
  const lazyEm: PropertyDescriptor = {
    configurable: true,
    enumerable: true,
    get(this: TuopinContext): EntityManager {
      const db = this.db;
      const em = orm.em.fork({ loggerContext: requestLoggerContext(() => db.countStatement()) });
      Object.defineProperty(this, 'em', { configurable: true, enumerable: true, writable: false, value: em });
      return em;
    },
  };
  return {
    onContextBuilding({ context }) {
      Object.defineProperty(context, 'em', lazyEm);
    },
  };
}
