/**
 * Throughput of the built-in sentiment model on one core: short (tweet-length) and long
 * (review-length, ~800 chars) generated texts, model load time and memory. Not a test
 * (timings vary by machine); run with
 *   node --import tsx bench/sentiment.ts [short-texts=100000] [long-texts=10000] [--model FILE]
 * Prints a Markdown table on stdout.
 */
import os from "node:os";
import { loadSentimentModel } from "../src/server/features/classification/sentiment-model.ts";

const WORDS = [
  "Сбербанк", "сбер", "банк", "карта", "кредит", "приложение", "не", "работает", "опять", "снова", "деньги", "списали",
  "поддержка", "ответила", "спасибо", "очень", "довольна", "отличный", "ужасный", "сервис", "доставка", "курьер",
  "быстро", "долго", "ждала", "час", "МТС", "связь", "интернет", "плохо", "хорошо", "рекомендую", "никому",
  "the", "service", "was", "slow", "but", "staff", "friendly", "great", "app", "crashed", "again", "not", "bad",
  "love", "hate", "delivery", "refund", "never", "@support", "https://t.co/x1Yz", "👍", "😡", ")))", "!!!", "2024",
];

/** A fixed linear congruential generator, so every run measures the same texts. */
function randomTexts(count: number, minChars: number, maxChars: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = minChars + Math.floor(next() * (maxChars - minChars));
    let text = "";
    while (text.length < target) {
      text += `${text ? " " : ""}${WORDS[Math.floor(next() * WORDS.length)] ?? ""}`;
      if (next() < 0.08) text += next() < 0.5 ? "." : ",";
    }
    texts.push(text);
  }
  return texts;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const args = process.argv.slice(2);
const modelAt = args.indexOf("--model");
const modelFile = modelAt >= 0 ? args.splice(modelAt, 2)[1] : undefined;
const shortCount = Number(args[0] ?? 100_000);
const longCount = Number(args[1] ?? 10_000);

const rssBefore = process.memoryUsage().rss;
const loadStart = process.hrtime.bigint();
const model = loadSentimentModel(modelFile);
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
const rssLoaded = process.memoryUsage().rss;

/**
 * Texts per second of wall time, and per second of this process's CPU time (user + system): on a
 * busy machine the second is the figure for one free core.
 */
function measure(texts: readonly string[]): { perSecond: number; perCpuSecond: number; chars: number } {
  for (const text of texts.slice(0, Math.min(texts.length, 5_000))) model.classify({ text }); // JIT warm-up
  let sink = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const text of texts) sink += model.classify({ text }).confidence;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (!Number.isFinite(sink)) throw new Error("non-finite confidence");
  return {
    perSecond: texts.length / seconds,
    perCpuSecond: texts.length / cpuSeconds,
    chars: Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length),
  };
}

process.stderr.write(`model ${model.version}, ${shortCount} short + ${longCount} long texts…\n`);
const short = measure(randomTexts(shortCount, 60, 200, 42));
const long = measure(randomTexts(longCount, 700, 900, 7));
const rssAfter = process.memoryUsage().rss;

const fmt = (x: number) => Math.round(x).toLocaleString("en");
const cpu = (os.cpus()[0]?.model ?? "?").replace(/\s+/g, " ").trim();
process.stdout.write(
  [
    "| Short texts/s, wall (CPU) | avg chars | Long texts/s, wall (CPU) | avg chars | Model load | RSS after load (Δ) | RSS after run | Load avg | Cores | CPU | Node |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    `| **${fmt(short.perSecond)}** (${fmt(short.perCpuSecond)}) | ${short.chars} | **${fmt(long.perSecond)}** (${fmt(long.perCpuSecond)}) | ${long.chars} | ` +
      `${loadMs.toFixed(0)} ms | ${mib(rssLoaded)} (+${mib(rssLoaded - rssBefore)}) | ${mib(rssAfter)} | ${os.loadavg()[0]?.toFixed(1)} | ${os.cpus().length} | ${cpu} | ${process.version} |`,
  ].join("\n") + "\n",
);
