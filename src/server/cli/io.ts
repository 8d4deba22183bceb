/** Where a command writes: the terminal when run locally, the control socket when forwarded. */
export type TCommandIo = {
  out(text: string): void;
  err(text: string): void;
  /** A progress line that replaces itself on a terminal (e.g. `42 %`). */
  progress(text: string): void;
  /** The caller's working directory, for resolving file arguments. */
  cwd: string;
  /** Whether the caller's stderr is a terminal (a redrawn progress bar) or a pipe/log (plain lines). */
  interactive?: boolean;
};

export const terminalIo = (): TCommandIo => ({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${text}\u001b[K`);
  },
  cwd: process.cwd(),
  interactive: Boolean(process.stderr.isTTY),
});
