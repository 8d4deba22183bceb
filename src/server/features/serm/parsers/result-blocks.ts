import type { Cheerio } from "cheerio";

/** An element as cheerio selections hold it. */
export type TElement = ReturnType<Cheerio<never>["find"]>[number];

/**
 * The block of each result: the largest ancestor of its title link that holds no other result's
 * title link, stopping below `scope`. Engines wrap a result in layers of anonymous, renamed
 * `div`s; the block is found by what it contains instead of by class names that drift.
 */
export function ownBlocks(links: readonly TElement[], scope: TElement): Map<TElement, TElement> {
  const holders = new Map<TElement, number>();
  const chains = links.map((link) => {
    const chain: TElement[] = [];
    for (let node = link.parent; node && node !== scope && node.nodeType === 1; node = node.parent) {
      chain.push(node);
      holders.set(node, (holders.get(node) ?? 0) + 1);
    }
    return chain;
  });
  const blocks = new Map<TElement, TElement>();
  links.forEach((link, i) => {
    let block = link;
    for (const node of chains[i] ?? []) {
      if ((holders.get(node) ?? 0) > 1) break;
      block = node;
    }
    blocks.set(link, block);
  });
  return blocks;
}
