import { describe, expect, it } from "vitest";
import { CopyClusterIndex } from "./copy-clusters.ts";
import { hammingDistance, simhashBands } from "./simhash.ts";

// Three fingerprints of one press release: a reprint under another headline (A), the usual text
// (B), and a reprint with a trailer (C). A and B share no 16-bit band; C shares one with each.
const A = "9757c270c805f1b3";
const B = "9756c070c005b1a3";
const C = "9757c270c005b9a3";
const probe = (id: string, simhash: string) => ({ id, contentHash: `hash-${id}`, simhash, bands: simhashBands(simhash) });

describe("copy clusters", () => {
  it("the fingerprints are what the cases below need", () => {
    expect(simhashBands(A).filter((band) => simhashBands(B).includes(band))).toEqual([]);
    expect(hammingDistance(A, C)).toBeLessThanOrEqual(5);
    expect(hammingDistance(B, C)).toBeLessThanOrEqual(5);
  });

  it("folds a cluster the batch started into the one a later copy shows it belongs to, whatever the order", () => {
    for (const order of [[A, B, C], [A, C, B], [B, A, C], [C, A, B]]) {
      const index = new CopyClusterIndex([], simhashBands);
      const ids = order.map((hash, i) => index.assign(probe(`m${i}`, hash)));
      expect(new Set(ids.map((id) => index.clusterOf(id))).size, order.join(" ")).toBe(1);
    }
  });

  it("keeps a stored cluster's id and folds the batch's own cluster into it", () => {
    const index = new CopyClusterIndex([{ id: "old", clusterId: "old-cluster", contentHash: "hash-old", simhash: B }], simhashBands);
    const first = index.assign(probe("a", A));
    expect(first).toBe("a");
    expect(index.assign(probe("c", C))).toBe("old-cluster");
    expect(index.clusterOf(first)).toBe("old-cluster");
  });

  it("never merges two stored clusters: their ids are already on rows and cases", () => {
    const index = new CopyClusterIndex(
      [
        { id: "x", clusterId: "x", contentHash: "hash-x", simhash: A },
        { id: "y", clusterId: "y", contentHash: "hash-y", simhash: B },
      ],
      simhashBands,
    );
    expect(["x", "y"]).toContain(index.assign(probe("c", C)));
    expect(index.clusterOf("x")).toBe("x");
    expect(index.clusterOf("y")).toBe("y");
  });

  it("leaves unrelated texts and texts too short to fingerprint alone", () => {
    const index = new CopyClusterIndex([], simhashBands);
    expect(index.assign(probe("a", A))).toBe("a");
    expect(index.assign(probe("far", "0000000000000000"))).toBe("far");
    expect(index.assign({ id: "short", contentHash: "hash-a", simhash: null, bands: [] })).toBe("short");
  });
});
