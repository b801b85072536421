// Runs in: main, services and host (plain Node). The one logging interface the services and the
// host write through. The shell passes one backed by electron-log; `npm run serve` one writing a
// rotating file in <data>/logs. Nothing here imports electron.

export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export type LogLevel = keyof Logger;

/** The fallback when no logger is passed in (unit tests, scripts). */
export const consoleLogger: Logger = {
  info: (message, detail) => (detail === undefined ? console.info(message) : console.info(message, detail)),
  warn: (message, detail) => (detail === undefined ? console.warn(message) : console.warn(message, detail)),
  error: (message, detail) => (detail === undefined ? console.error(message) : console.error(message, detail)),
};
