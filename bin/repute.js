#!/usr/bin/env node
// Repute's command line. The project pins Node 24 through npm (the `node` package); when this
// file is started by an older system Node, it hands over to the pinned one.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const main = join(root, "src/server/main.ts");
const major = Number(process.versions.node.split(".")[0]);
const pinned = join(root, "node_modules/node/bin/node");

if (major >= 24 || !existsSync(pinned)) {
  if (major < 24) process.stderr.write(`repute: Node ${process.versions.node} is older than 24; run npm install first\n`);
  const { register } = await import("tsx/esm/api");
  register();
  await import(main);
} else {
  const result = spawnSync(pinned, ["--import", "tsx", main, ...process.argv.slice(2)], { stdio: "inherit", cwd: process.cwd() });
  process.exit(result.status ?? 1);
}
