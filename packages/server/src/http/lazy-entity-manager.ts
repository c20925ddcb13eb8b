import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Plugin } from 'graphql-yoga';

/**
 * Gives each request's context its entity manager, forked on first use: requests whose resolvers
 * never touch the ORM (`{ __typename }`, a statistic read from a loader that another request
 * primed, …) no longer pay for a fork. The getter is defined on the context object itself, once
 * envelop has built it: a getter in the object the context factory returns would be read (and the
 * fork made) when envelop copies that object into the context with Object.assign.
 */
export function useLazyEntityManager(orm: MikroORM): Plugin {
  return {
    onContextBuilding({ context }) {
      let em: EntityManager | undefined;
      Object.defineProperty(context, 'em', {
        configurable: true,
        enumerable: true,
        get: () => (em ??= orm.em.fork()),
      });
    },
  };
}
