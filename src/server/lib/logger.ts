import { pino, type Logger } from "pino";

export type TLogger = Logger;

/** JSON logs on stderr so stdout stays free for command output. */
export function createLogger(level: string, name = "repute"): TLogger {
  return pino(
    {
      name,
      level,
      redact: {
        paths: ["password", "*.password", "token", "*.token", "secret", "*.secret", "req.headers.cookie", "req.headers.authorization"],
        censor: "[redacted]",
      },
    },
    pino.destination(2),
  );
}
