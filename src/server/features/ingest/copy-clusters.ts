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

/** Finds clusters for new mentions, in order, against stored candidates and earlier mentions of the same batch. */
export class CopyClusterIndex {
  private readonly byHash = new Map<string, TClusterMember>();
  private readonly byBand = new Map<string, TClusterMember[]>();

  constructor(candidates: readonly (TClusterMember & { bands?: readonly string[] })[], bandsOf: (simhash: string) => readonly string[]) {
    for (const c of candidates) if (c.simhash) this.add(c, c.bands ?? bandsOf(c.simhash));
  }

  /** The cluster id the probe joins — its own id when it is the first of its kind. Adds the probe. */
  assign(probe: TClusterProbe): string {
    if (!probe.simhash) return probe.id;
    const exact = this.byHash.get(probe.contentHash);
    let clusterId = exact?.clusterId;
    if (!clusterId) {
      let best = NEAR_DUPLICATE_BITS + 1;
      for (const band of probe.bands) {
        for (const member of this.byBand.get(band) ?? []) {
          if (!member.simhash) continue;
          const distance = hammingDistance(member.simhash, probe.simhash);
          if (distance < best) {
            best = distance;
            clusterId = member.clusterId;
          }
        }
      }
    }
    const member: TClusterMember = { id: probe.id, clusterId: clusterId ?? probe.id, contentHash: probe.contentHash, simhash: probe.simhash };
    this.add(member, probe.bands);
    return member.clusterId;
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
