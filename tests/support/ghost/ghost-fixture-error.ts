// Runs in: test processes. The one error the Ghost fixture throws: it says what failed and what to
// do, so a run fails loudly (never skips) when Ghost cannot be installed or started.

export class GhostFixtureError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(details ? `${message}\n--- details ---\n${details}` : message);
    this.name = 'GhostFixtureError';
  }
}
