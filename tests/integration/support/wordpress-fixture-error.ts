// Runs in: test processes. The one error the WordPress fixture throws: it says what failed and
// what to do, so CI fails loudly (never skips) when WordPress cannot be started.

export class WordPressFixtureError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(details ? `${message}\n--- details ---\n${details}` : message);
    this.name = 'WordPressFixtureError';
  }
}
