/** What the global setup hands to every test file (vitest `provide`/`inject`). */
export interface ProvidedDatabase {
  /** Connection string to the cluster's `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** A migrated database (core and every installed plugin) that test databases are cloned from. */
  template: string;
  /** Prefix of every database this run creates, so teardown can drop them all. */
  prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tuopinDatabase: ProvidedDatabase;
  }
}
