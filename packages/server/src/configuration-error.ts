/** A deployment mistake: the message alone says what to change, so the CLI prints just that. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}
