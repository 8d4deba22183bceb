import {
  IconAlertTriangle,
  IconCalendar,
  IconChart,
  IconFileCheck,
  IconMessage,
  IconRadar,
  IconReport,
} from "../../components/icons.tsx";

/** The brand-scoped sections, in menu order; the URL is /b/:brandId/:slug. */
export const BRAND_SECTIONS = [
  { slug: "environment", icon: IconRadar },
  { slug: "mentions", icon: IconMessage },
  { slug: "negative", icon: IconAlertTriangle },
  { slug: "content", icon: IconFileCheck },
  { slug: "plan", icon: IconCalendar },
  { slug: "statistics", icon: IconChart },
  { slug: "reports", icon: IconReport },
] as const;

export type TSectionSlug = (typeof BRAND_SECTIONS)[number]["slug"];

export const DEFAULT_SECTION: TSectionSlug = "environment";

export function isSectionSlug(value: string | undefined): value is TSectionSlug {
  return BRAND_SECTIONS.some((s) => s.slug === value);
}

export function brandPath(brandId: string, section: TSectionSlug = DEFAULT_SECTION): string {
  return `/b/${encodeURIComponent(brandId)}/${section}`;
}
