import type { TImportProgress } from "./import-mentions.ts";

/**
 * The shell's view of a running import, on stderr. On a terminal: one bar redrawn in place —
 * share done, rows read and stored, rate, time left. Piped into a file or a log (or forwarded
 * from a caller without a terminal): a plain line at every tenth of the file, so a log shows
 * progress without a thousand carriage returns.
 */
export type TProgressOutput = {
  interactive: boolean;
  /** Redraws the bar (the terminal IO replaces the previous one). */
  bar(text: string): void;
  line(text: string): void;
};

export type TProgressRenderer = { update(progress: TImportProgress): void; done(progress: TImportProgress): void };

const REDRAW_MS = 100;
const BAR_WIDTH = 24;
/** Without a known size: a line every this many rows. */
const ROWS_PER_LINE = 10_000;

export function createProgressRenderer(output: TProgressOutput, clock: () => number = () => performance.now()): TProgressRenderer {
  const started = clock();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastStep = 0;

  const describe = (p: TImportProgress, fraction: number | undefined) => {
    const seconds = Math.max((clock() - started) / 1000, 0.001);
    const rate = p.read / seconds;
    const parts = [`${group(p.read)} rows read`, `${group(p.stored)} stored`];
    if (p.rejected) parts.push(`${group(p.rejected)} rejected`);
    parts.push(`${group(Math.round(rate))} rows/s`);
    if (fraction !== undefined && fraction > 0 && fraction < 1) parts.push(`ETA ${clockTime((seconds / fraction) * (1 - fraction))}`);
    return parts.join(" · ");
  };

  return {
    update(p) {
      const fraction = fractionOf(p);
      if (output.interactive) {
        const now = clock();
        if (now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        output.bar(fraction === undefined ? `importing… ${describe(p, undefined)}` : `${bar(fraction)} ${percent(fraction)} ${describe(p, fraction)}`);
        return;
      }
      const step = fraction === undefined ? Math.floor(p.read / ROWS_PER_LINE) : Math.floor(fraction * 10);
      if (step <= lastStep || (fraction !== undefined && step >= 10)) return;
      lastStep = step;
      output.line(`import: ${fraction === undefined ? "" : `${percent(fraction)} · `}${describe(p, fraction)}`);
    },
    done(p) {
      if (output.interactive) output.bar("");
      else output.line(`import: 100% · ${describe(p, 1)}`);
    },
  };
}

function fractionOf(p: TImportProgress): number | undefined {
  const { done, total } = p.position;
  if (!total) return undefined;
  return Math.min(1, Math.max(0, done / total));
}

function bar(fraction: number): string {
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
}

const percent = (fraction: number) => `${Math.floor(fraction * 100)}%`.padStart(4);

/** 12345 → "12 345". */
export function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}
