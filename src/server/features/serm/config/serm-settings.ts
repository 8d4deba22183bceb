import type { sermSettings } from "../../../db/schema/serm.ts";

/**
 * A brand's SERM settings as the code uses them: the stored row, or these defaults for a brand
 * that has never saved any (no provider, scans off, 06:00 Moscow, AWR desktop CTR, RU engine
 * weights, queries weighted by frequency, Ex over the top 10).
 */
export type TSermSettings = Omit<typeof sermSettings.$inferSelect, "brandId" | "updatedAt"> & { updatedAt: Date | null };

export const DEFAULT_SERM_SETTINGS: TSermSettings = {
  engineProviders: {},
  providerConfigs: {},
  providerRateLimits: {},
  scansEnabled: false,
  scanHour: 6,
  timeZone: "Europe/Moscow",
  serpScreenshots: true,
  pageScreenshots: true,
  screenshotFreshnessDays: 7,
  ctrTable: "awr-2020-desktop",
  monotoneCtr: false,
  engineWeightProfile: "ru",
  engineWeights: {},
  queryWeighting: "frequency",
  exDepth: 10,
  updatedAt: null,
};

export function settingsOf(row: typeof sermSettings.$inferSelect | undefined): TSermSettings {
  if (!row) return { ...DEFAULT_SERM_SETTINGS };
  const { brandId: _brandId, ...settings } = row;
  return settings;
}
