/**
 * Throughput of the semantic-core matcher: one compiled 10-leaf query against many short
 * mention-like texts on one core. Not a test (timings vary by machine); run with
 *   node --import tsx bench/semantic-core.ts [texts]
 */
import { compileQuery, match } from "../src/server/features/semantic-core/query-matcher.ts";

const QUERY =
  '(сбербанк OR сбер OR sberbank OR "C,th,fyr" OR сбербанк*) AND (отзыв* OR жалоба OR обман OR review) AND NOT (спам OR реклама)';

const WORDS = [
  "Сбербанк", "сбер", "банк", "отзывы", "отзыв", "жалобу", "обманули", "карта", "кредит", "ипотека", "приложение",
  "не", "работает", "снова", "почему", "вчера", "деньги", "списали", "поддержка", "ответила", "спасибо", "очень",
  "довольна", "review", "reviews", "bank", "app", "crashed", "again", "great", "service", "отделение", "очередь",
  "час", "ждала", "мой", "C,th,fyr", "Sberbank", "спам", "👍", "😡", "2024", "ёлки", "Ещё", "клиент", "сотрудник",
];

/** A fixed linear congruential generator, so every run measures the same texts. */
function randomTexts(count: number): string[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 8 + Math.floor(next() * 20);
    const words: string[] = [];
    for (let w = 0; w < length; w++) words.push(WORDS[Math.floor(next() * WORDS.length)] ?? "");
    texts.push(`${words.join(" ")}${next() < 0.5 ? "!" : "."}`);
  }
  return texts;
}

const count = Number(process.argv[2] ?? 200_000);
const texts = randomTexts(count);
const query = compileQuery(QUERY);
const averageLength = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);

for (const text of texts.slice(0, 20_000)) match(query, text); // warm up the JIT and the stem cache

let matched = 0;
const started = process.hrtime.bigint();
for (const text of texts) if (match(query, text).matched) matched++;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

process.stdout.write(
  `query: ${QUERY}\n${count} texts (average ${averageLength} chars), ${matched} matched, ${seconds.toFixed(2)} s\n` +
    `${Math.round(count / seconds).toLocaleString("en")} texts/s on one core\n`,
);
