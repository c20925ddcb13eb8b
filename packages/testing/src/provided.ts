/** What the global setup hands to every test file (vitest `provide`/`inject`). */
export interface ProvidedDatabase {
  /** Connection string to the cluster's `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** A migrated database (core and the project's plugin set) that test databases are cloned from. */
  template: string;
  /** Prefix of every database this run creates, so teardown can drop them all. */
  prefix: string;
  /**
   * The project's plugin set: package names, the folder they are imported from, and whether the
   * plugins they depend on are added (a plugin's project) or the list is the whole set (the root's).
   */
  plugins: { packages: string[]; from: string; withDependencies: boolean };
}

declare module 'vitest' {
  export interface ProvidedContext {
    tuopinDatabase: ProvidedDatabase;
    /**
     * The plugin packages a test project runs with, set in its vitest config
     * (`provide: { tuopinPlugins: ['@tuopin/plugin-finance'] }`): a plugin's own package, to which
     * the harness adds the plugins it depends on (`dependsOn`), transitively. Unset, the
     * deployment's installed plugins (the root package.json).
     */
    tuopinPlugins: string[];
  }
}
