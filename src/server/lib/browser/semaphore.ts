/** At most `limit` holders at once; the others wait their turn, first come first served. */
export type TSemaphore = { acquire(): Promise<() => void>; readonly active: number; readonly waiting: number };

export function createSemaphore(limit: number): TSemaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a semaphore needs a limit of at least 1, not ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    acquire() {
      return new Promise((resolve) => {
        let released = false;
        const grant = () =>
          resolve(() => {
            if (released) return;
            released = true;
            release();
          });
        if (active < limit) {
          active++;
          grant();
        } else {
          queue.push(grant);
        }
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
