import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Plugin } from 'graphql-yoga';

/**
 * Gives each request's context its entity manager, forked on first use: requests whose resolvers
 * never touch the ORM (`{ __typename }`, a statistic read from a loader that another request
 * primed, …) no longer pay for a fork. The getter is defined on the context object itself, once
 * envelop has built it: a getter in the object the context factory returns would be read (and the
 * fork made) when envelop copies that object into the context with Object.assign.
 *
 * Every request shares one property descriptor and one getter, which replaces itself with the
 * fork on first use: no closure is made per request (under tsx each would also be named with
 * `Object.defineProperty`).
 */
export function useLazyEntityManager(orm: MikroORM): Plugin {
  const lazyEm: PropertyDescriptor = {
    configurable: true,
    enumerable: true,
    get(this: object): EntityManager {
      const em = orm.em.fork();
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
