import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TAppContext } from "../context.ts";
import { ROLES, type TRole } from "../db/schema/accounts.ts";
import { createApiTokenForEmail } from "../features/accounts/api-tokens.ts";
import { createUserFromShell } from "../features/accounts/create-user-from-shell.ts";
import { parseFlags, requireFlag, UsageError } from "./args.ts";
import type { TCommandIo } from "./io.ts";

/**
 * Shell commands. Data commands get the app (in embedded mode possibly inside the owner
 * process); offline ones need no database and run at once, wherever they are called.
 */
export type TCommand = { path: string[]; usage: string; summary: string } & (
  | { offline?: false; run(app: TAppContext, argv: string[], io: TCommandIo): Promise<number> }
  | { offline: true; run(app: undefined, argv: string[], io: TCommandIo): Promise<number> }
);

export const commands: TCommand[] = [
  {
    path: ["user", "create"],
    usage: "repute user create --email E --password P --role admin|specialist|client_approver|client_viewer [--name N] [--client ID | --brand ID] [--locale ru|en]",
    summary: "Create a user (the first admin creates the workspace too)",
    async run(app, argv, io) {
      const { values } = parseFlags(argv, {
        email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" },
        client: { type: "string" }, brand: { type: "string" }, locale: { type: "string" }, workspace: { type: "string" },
      });
      const role = requireFlag(values, "role");
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
      const locale = values.locale ?? "en";
      if (locale !== "ru" && locale !== "en") throw new UsageError("--locale must be ru or en");
      const user = await createUserFromShell(app, {
        email: requireFlag(values, "email"),
        password: requireFlag(values, "password"),
        role: role as TRole,
        name: values.name,
        clientId: values.client,
        brandId: values.brand,
        locale,
        workspaceName: values.workspace,
      });
      io.out(`Created ${user.email} (${role}) in workspace "${user.workspaceName}", id ${user.id}`);
      return 0;
    },
  },
  {
    path: ["token", "create"],
    usage: "repute token create --email E [--name N]",
    summary: "Create a personal API token for a user and print it (shown once)",
    async run(app, argv, io) {
      const { values } = parseFlags(argv, { email: { type: "string" }, name: { type: "string" } });
      const { secret } = await createApiTokenForEmail(app, requireFlag(values, "email"), values.name ?? "shell");
      io.out(secret);
      return 0;
    },
  },
  {
    path: ["demo"],
    usage: "repute demo [--password P] [--accounts-only]",
    summary: "Create or refresh the demo agency, clients, brands, users, 90 days of mentions and 60 days of search-result scans (idempotent)",
    async run(app, argv, io) {
      const { values } = parseFlags(argv, { password: { type: "string" }, "accounts-only": { type: "boolean" } });
      const { seedDemo } = await import("../features/demo/seed-demo.ts");
      const result = await seedDemo(app, { password: values.password, mentions: !values["accounts-only"] });
      io.out(`Demo workspace "${result.workspaceName}": ${result.clients} clients, ${result.brands} brands.`);
      if (result.mentions) io.out(`Mentions: ${result.mentions.added} added (${result.mentions.total} in total over 90 days).`);
      if (result.cases) io.out(`Negative-review cases: ${result.cases.added} added (${result.cases.total} in total).`);
      if (result.serm) io.out(`Search-result scans: ${result.serm.scansAdded} days added for ${result.serm.brands} brands (${result.serm.results} results); screenshots: ${result.serm.screenshots}.`);
      for (const user of result.users) io.out(`  ${user.email.padEnd(24)} ${user.role}${user.scope ? ` (${user.scope})` : ""}`);
      io.out(values.password ? "Password: as given with --password" : `Password (generated): ${result.password}`);
      return 0;
    },
  },
  {
    path: ["backup"],
    usage: "repute backup [FILE]",
    summary: "Write a consistent copy of the embedded database to FILE (default repute-backup-<date>.tar.gz)",
    async run(app, argv, io) {
      const { positionals } = parseFlags(argv, {});
      if (!app.database.pglite) throw new UsageError("backup is for the embedded database; use pg_dump for PostgreSQL");
      const file = path.resolve(io.cwd, positionals[0] ?? `repute-backup-${new Date().toISOString().slice(0, 10)}.tar.gz`);
      const dump = await app.database.pglite.dumpDataDir("gzip");
      await pipeline(Readable.fromWeb(dump.stream() as import("node:stream/web").ReadableStream), createWriteStream(file));
      io.out(`Backup written to ${file} (${dump.size} bytes)`);
      return 0;
    },
  },
  {
    path: ["import", "mentions"],
    usage: "repute import mentions --brand ID FILE [--format jsonl|csv|xlsx] [--preset youscan|brand_analytics|generic] [--map \"Column=field,…\"] [--tz Europe/Moscow] [--dry-run]",
    summary: "Import mentions from a JSONL, CSV or XLSX file (YouScan, Brand Analytics exports) into a brand",
    async run(app, argv, io) {
      const { runImportCommand } = await import("../features/import/import-cli.ts");
      return runImportCommand(app, argv, io);
    },
  },
  {
    path: ["query", "test"],
    usage: "repute query test --query Q --text T",
    summary: "Check a semantic-core query against a text: exit 0 match, 1 no match, 2 bad query",
    offline: true,
    async run(_app, argv, io) {
      const { values } = parseFlags(argv, { query: { type: "string" }, text: { type: "string" } });
      if (values.text === undefined) throw new UsageError("--text is required");
      const { queryTestReport } = await import("../features/semantic-core/query-cli.ts");
      const report = queryTestReport(requireFlag(values, "query"), values.text);
      for (const line of report.out) io.out(line);
      for (const line of report.err) io.err(line);
      return report.code;
    },
  },
  {
    path: ["query", "variants"],
    usage: 'repute query variants "NAME" [--abbr X --abbr Y]',
    summary: "List spelling variants of a brand name (translit, layout, typos, abbreviations)",
    offline: true,
    async run(_app, argv, io) {
      const { values, positionals } = parseFlags(argv, { abbr: { type: "string", multiple: true } });
      if (positionals.length === 0) throw new UsageError("a brand name is required");
      const { variantsReport } = await import("../features/semantic-core/query-cli.ts");
      const report = variantsReport(positionals.join(" "), [values.abbr ?? []].flat());
      for (const line of report.out) io.out(line);
      for (const line of report.err) io.err(line);
      return report.code;
    },
  },
  {
    path: ["sentiment", "classify"],
    usage: 'repute sentiment classify < FILE   (a line is plain text or JSON {"text", "rating"?, "brand"?, "lang"?})',
    summary: "Classify stdin line by line with the built-in sentiment model: one JSONL result per line, in order",
    offline: true,
    async run(_app, argv) {
      const { positionals } = parseFlags(argv, {});
      if (positionals.length > 0) throw new UsageError("the texts come on stdin, one per line");
      const { classifyStream } = await import("../features/classification/classify-stream.ts");
      const { loadSentimentModel } = await import("../features/classification/sentiment-model.ts");
      return classifyStream(process.stdin, process.stdout, loadSentimentModel());
    },
  },
  {
    path: ["serm", "ex"],
    usage:
      "repute serm ex FILE.csv [--engine-weights ru|world|ru-2014|yandex=62.6,google=37.4] [--query-weights frequency|ctr|equal] [--mode flat|nested] [--ctr awr-2020-desktop|awr-2020-mobile|sistrix-2020|backlinko-2023|firstpagesage|aol-2006|P1,P2,…] [--depth 10] [--monotone] [--explain] [--json]",
    summary: "Reputation index Ex of an audit table (engine,query,frequency,position,url,tonality): overall, per engine and per query",
    offline: true,
    async run(_app, argv, io) {
      const { sermExReport, printReport } = await import("../features/serm/serm-cli.ts");
      return printReport(await sermExReport(argv, io.cwd), io);
    },
  },
  {
    path: ["serm", "roi"],
    usage:
      "repute serm roi --avg-check N --orders-per-year N --years N --monthly-traffic N --conversion PCT --cost N [--negatives-now K [--negatives-target K] [--margin PCT]] [--json]",
    summary: "ROI of reputation work: the seed article's method, and the MOZ-table model for K negatives now → K target",
    offline: true,
    async run(_app, argv, io) {
      const { sermRoiReport, printReport } = await import("../features/serm/serm-cli.ts");
      return printReport(sermRoiReport(argv), io);
    },
  },
  {
    path: ["serm", "parse"],
    usage: "repute serm parse --engine google|yandex|bing FILE.html [--json]",
    summary: "Organic results of a saved Google, Yandex or Bing result page (.html or .html.gz): exit 2 on a layout it does not know",
    offline: true,
    async run(_app, argv, io) {
      const { serpParseReport } = await import("../features/serm/parsers/serp-parse-cli.ts");
      const report = serpParseReport(argv, io.cwd);
      for (const line of report.out) io.out(line);
      for (const line of report.err) io.err(line);
      return report.code;
    },
  },
  {
    path: ["migrate"],
    usage: "repute migrate",
    summary: "Apply database migrations (also done at every start)",
    async run(_app, _argv, io) {
      io.out("Migrations are applied.");
      return 0;
    },
  },
];

export function findCommand(argv: string[]): { command: TCommand; rest: string[] } | undefined {
  for (const command of commands) {
    if (command.path.every((part, i) => argv[i] === part)) return { command, rest: argv.slice(command.path.length) };
  }
  return undefined;
}

/** Runs a command with usage errors turned into exit code 2; `app` may be omitted for offline ones. */
export async function runCommand(app: TAppContext | undefined, argv: string[], io: TCommandIo): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    io.err(`Unknown command: ${argv.join(" ")}`);
    return 2;
  }
  const { command } = found;
  try {
    if (command.offline) return await command.run(undefined, found.rest, io);
    if (!app) throw new Error(`${command.path.join(" ")} needs the database`);
    return await command.run(app, found.rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: ${found.command.usage}`);
      return 2;
    }
    throw error;
  }
}
