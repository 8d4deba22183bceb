// Builds the web UI when dist/web is missing or older than its sources, so `npm start` always
// serves the UI of this checkout. Skips quietly where Vite is not installed (production image).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const built = path.join(root, "dist/web/index.html");
const sources = [path.join(root, "src/web"), path.join(root, "src/shared"), path.join(root, "vite.config.ts")];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newest(path.join(p, name))));
}

const vite = path.join(root, "node_modules/vite/bin/vite.js");
if (!existsSync(vite)) process.exit(0);
if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) process.exit(0);
process.stderr.write("Building the web UI (once per change)…\n");
const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
