import { serve } from "@hono/node-server";
import type { TBooted } from "./boot.ts";
import { UsageError } from "./cli/args.ts";
import { commands, findCommand, runCommand } from "./cli/commands.ts";
import { forwardCommand, serveControlChannel } from "./cli/control-channel.ts";
import { terminalIo } from "./cli/io.ts";
import { restoreBackup } from "./cli/restore.ts";
import { ConfigError, type TConfig, loadConfig } from "./config.ts";
import { DatabaseUnavailableError } from "./db/client.ts";
import { DataDirLockedError, readLockOwner } from "./lib/data-dir-lock.ts";
import { AppError, errorMessage } from "./lib/errors.ts";
import { createLogger } from "./lib/logger.ts";

const HELP = `Repute — reputation management

Usage: repute <command>

  start                 web + worker + scheduler in one process (embedded database unless DATABASE_URL)
  web                   the HTTP server only (needs DATABASE_URL)
  worker                background jobs and schedules only (needs DATABASE_URL)
  restore FILE          replace the embedded database with a backup (stop the server first)
${commands.map((c) => `  ${c.path.join(" ").padEnd(22)}${c.summary}`).join("\n")}

Configuration comes from environment variables; see the README.`;

type TRole = "start" | "web" | "worker";

async function serveRole(config: TConfig, role: TRole): Promise<void> {
  if (role !== "start" && !config.databaseUrl)
    throw new UsageError(`"repute ${role}" runs beside other processes and needs DATABASE_URL; use "repute start" for the embedded database`);
  const logger = createLogger(config.logLevel);
  // The app's module graph (jobs, routes, browser, mail) loads only when a command needs it.
  const { bootApp } = await import("./boot.ts");
  const { createHttpApp } = await import("./http/app.ts");
  const booted: TBooted = await bootApp({
    config,
    logger,
    roles: { work: role !== "web", schedule: role !== "web" },
    startQueue: true,
  });
  const { app } = booted;
  const closers: (() => Promise<void>)[] = [];
  if (!config.databaseUrl) {
    const channel = serveControlChannel(app, runCommand);
    closers.push(channel.close);
  }
  if (role !== "worker") {
    const server = serve({ fetch: createHttpApp(app).fetch, port: config.port, hostname: config.host });
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    server.on("listening", () => {
      logger.info({ port: config.port, database: app.database.kind }, `Repute is up on ${config.publicUrl}`);
      const where = app.database.kind === "pglite" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
      process.stdout.write(`Repute is up on ${config.publicUrl} (${where}). Stop with Ctrl+C.\n`);
    });
    server.on("error", (error) => {
      logger.fatal({ err: error }, `cannot listen on port ${config.port}`);
      process.exit(1);
    });
  } else {
    logger.info({ database: app.database.kind }, "Repute worker is running");
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    for (const close of closers) await close().catch(() => undefined);
    await booted.shutdown();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

async function runDataCommand(config: TConfig, argv: string[]): Promise<number> {
  const io = terminalIo();
  const found = findCommand(argv);
  if (!found) {
    io.err(`Unknown command: ${argv.join(" ")}\n\n${HELP}`);
    return 2;
  }
  if (found.command.offline) return runCommand(undefined, argv, io);
  if (!config.databaseUrl && readLockOwner(config.dataDir) !== undefined) return forwardCommand(config.dataDir, argv, io);
  const { bootApp } = await import("./boot.ts");
  const booted = await bootApp({
    config,
    logger: createLogger(config.logLevel === "info" ? "warn" : config.logLevel),
    roles: { work: false, schedule: false },
    startQueue: false,
  });
  try {
    return await runCommand(booted.app, argv, io);
  } finally {
    await booted.shutdown();
  }
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (!first || first === "help" || first === "--help" || first === "-h") {
    process.stdout.write(`${HELP}\n`);
    return first ? 0 : 2;
  }
  const config = loadConfig();
  if (first === "start" || first === "web" || first === "worker") {
    await serveRole(config, first);
    return -1; // keeps running
  }
  if (first === "restore") return restoreBackup(config, rest[0], terminalIo());
  return runDataCommand(config, argv);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof DataDirLockedError)
      process.stderr.write(
        `${error.message}.\nAnother Repute process owns this embedded database. Stop it, or use a different DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.\n`,
      );
    else if (error instanceof DatabaseUnavailableError || error instanceof AppError)
      process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`repute: ${errorMessage(error)}\n${error instanceof Error ? (error.stack ?? "") : ""}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
