/** What the global setup hands to every test file (vitest `provide`/`inject`). */
export interface ProvidedDatabase {
  /** Connection string to the cluster's `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** A migrated database (core and the project's plugin set) that test databases are cloned from. */
  template: string;
  /** Prefix of every database this run creates, so teardown can drop them all. */
  prefix: string;
  /** The project's plugin set, as package names, and the folder they are imported from. */
  plugins: { packages: string[]; from: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    tuopinDatabase: ProvidedDatabase;
    /**
     * The plugin packages a test project runs with, set in its vitest config
     * (`provide: { tuopinPlugins: ['@tuopin/plugin-finance'] }`): a plugin's own package and the
     * plugins it depends on. Unset, the deployment's installed plugins (the root package.json).
     */
    tuopinPlugins: string[];
  }
}
