import { hammingDistance } from "./simhash.ts";

/**
 * Which copy cluster a new mention joins. A cluster groups the same text reposted across
 * sites and accounts (a review syndicated 2GIS ↔ Flamp, a press release in twenty feeds):
 * the feed folds it to one row and a case covers all copies.
 *
 * Candidates come from an indexed lookup: equal content hash, or a shared SimHash band (four
 * 16-bit bands, so every hash within 3 bits shares one). Among candidates that share a band,
 * up to NEAR_DUPLICATE_BITS differing bits still count: the band lookup already made them
 * likely relatives, and a distance of 5 catches most one-word edits of 30–80-word reviews
 * where 3 caught about 73% (measured in simhash.test.ts).
 */
export const NEAR_DUPLICATE_BITS = 5;

export type TClusterMember = { id: string; clusterId: string; contentHash: string; simhash: string | null };
/**
 * `simhash` is null for texts too short to fingerprint (fewer than four words): "Спасибо!" from
 * fifty people is fifty mentions, not one text copied fifty times, so those stay alone.
 */
export type TClusterProbe = { id: string; contentHash: string; simhash: string | null; bands: readonly string[] };

/**
 * Finds clusters for new mentions, in order, against stored candidates and earlier mentions of
 * the same batch. Within a batch the answer does not depend on the order: when a later mention
 * is a near copy of two clusters and one of them was only started in this batch (a reprint with
 * another headline that came first), that one is folded into the other. Stored clusters are not
 * merged: their ids are already on rows and cases.
 */
export class CopyClusterIndex {
  private readonly byHash = new Map<string, TClusterMember>();
  private readonly byBand = new Map<string, TClusterMember[]>();
  /** Clusters started in this batch, each pointing to the cluster it was folded into (itself if none). */
  private readonly fresh = new Map<string, string>();

  constructor(candidates: readonly (TClusterMember & { bands?: readonly string[] })[], bandsOf: (simhash: string) => readonly string[]) {
    for (const c of candidates) if (c.simhash) this.add(c, c.bands ?? bandsOf(c.simhash));
  }

  /** The cluster id the probe joins for now — its own id when it is the first of its kind. Adds the probe. */
  assign(probe: TClusterProbe): string {
    if (!probe.simhash) return probe.id;
    const exact = this.byHash.get(probe.contentHash);
    let clusterId = exact ? this.clusterOf(exact.clusterId) : undefined;
    const near = new Set<string>();
    let best = NEAR_DUPLICATE_BITS + 1;
    for (const band of probe.bands) {
      for (const member of this.byBand.get(band) ?? []) {
        if (!member.simhash) continue;
        const distance = hammingDistance(member.simhash, probe.simhash);
        if (distance > NEAR_DUPLICATE_BITS) continue;
        const cluster = this.clusterOf(member.clusterId);
        near.add(cluster);
        if (!exact && distance < best) {
          best = distance;
          clusterId = cluster;
        }
      }
    }
    if (clusterId) {
      // Prefer a stored cluster as the one that stays; fold the batch's own ones into it.
      const stored = [...near].find((c) => !this.fresh.has(c));
      if (stored && this.fresh.has(clusterId)) clusterId = stored;
      for (const other of near) if (other !== clusterId && this.fresh.has(other)) this.fresh.set(other, clusterId);
    } else {
      this.fresh.set(probe.id, probe.id);
    }
    const member: TClusterMember = { id: probe.id, clusterId: clusterId ?? probe.id, contentHash: probe.contentHash, simhash: probe.simhash };
    this.add(member, probe.bands);
    return member.clusterId;
  }

  /** Where a cluster id ended up after the folds so far (assign's answer may have moved since). */
  clusterOf(clusterId: string): string {
    let id = clusterId;
    for (let next = this.fresh.get(id); next !== undefined && next !== id; next = this.fresh.get(id)) id = next;
    return id;
  }

  private add(member: TClusterMember, bands: readonly string[]): void {
    if (!this.byHash.has(member.contentHash)) this.byHash.set(member.contentHash, member);
    for (const band of bands) {
      const list = this.byBand.get(band);
      if (list) list.push(member);
      else this.byBand.set(band, [member]);
    }
  }
}
