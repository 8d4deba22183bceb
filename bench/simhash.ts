/**
 * Throughput of simhash on short texts, and the BigInt FNV-1a 64 alternative it was measured
 * against. Run: node --import tsx bench/simhash.ts
 */
import { normalizeForHash } from "../src/server/features/ingest/content-hash.ts";
import { simhash } from "../src/server/features/ingest/simhash.ts";

const WORDS = "the service was slow but staff friendly price good bad delivery courier order pizza отличный сервис доставка быстро вежливый курьер заказ цена плохо хорошо".split(" ");
let seed = 7;
const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const texts = Array.from({ length: 20_000 }, () =>
  Array.from({ length: 15 + Math.floor(random() * 25) }, () => WORDS[Math.floor(random() * WORDS.length)] ?? "").join(" ") + "!",
);

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
function simhashBigintFnv(text: string): bigint {
  const acc = new Int32Array(64);
  for (const word of normalizeForHash(text).split(" ")) {
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(word.charCodeAt(i))) * FNV_PRIME);
    for (let i = 0; i < 64; i++) acc[i] = (acc[i] ?? 0) + ((h >> BigInt(i)) & 1n ? 1 : -1);
  }
  let out = 0n;
  for (let i = 0; i < 64; i++) if ((acc[i] ?? 0) > 0) out |= 1n << BigInt(i);
  return out;
}

function measure(name: string, fn: (text: string) => bigint): void {
  for (const text of texts.slice(0, 2000)) fn(text); // warm-up for the JIT
  let sink = 0n;
  const start = performance.now();
  for (const text of texts) sink ^= fn(text);
  const seconds = (performance.now() - start) / 1000;
  console.log(`${name}: ${Math.round(texts.length / seconds).toLocaleString("en")} texts/s (checksum ${sink.toString(16)})`);
}

measure("normalize only        ", (text) => BigInt(normalizeForHash(text).length));
measure("simhash (2×32-bit)    ", simhash);
measure("simhash (BigInt FNV64)", simhashBigintFnv);
