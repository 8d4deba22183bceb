/**
 * What the guard costs per request: guardedFetch (vetting + a fresh pinned connection per call)
 * against plain undici with a keep-alive pool and with a fresh connection per call, on loopback.
 * Run: node --import tsx bench/guarded-fetch.ts [requests]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";
import { guardedFetch } from "../src/server/lib/guarded-fetch.ts";

const requests = Number(process.argv[2] ?? 500);
const page = Buffer.alloc(10 * 1024, "x");
const server = createServer((_req, res) => res.end(page));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

async function time(name: string, once: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await once(); // warm-up
  const start = performance.now();
  for (let i = 0; i < requests; i++) await once();
  const ms = (performance.now() - start) / requests;
  console.log(`${name.padEnd(40)} ${ms.toFixed(3)} ms/request`);
}

const pooled = new Agent();
await time("undici, keep-alive pool", async () => (await request(url, { dispatcher: pooled })).body.arrayBuffer());
await time("undici, new connection per request", async () => {
  const agent = new Agent();
  await (await request(url, { dispatcher: agent })).body.arrayBuffer();
  await agent.destroy();
});
await time("guardedFetch", () => guardedFetch(url, { allowLoopback: true }));
await pooled.close();
server.close();
