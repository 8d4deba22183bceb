import { Avatar, Tooltip } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";

/** Short marks and colours of the platforms, no copied logos: recognisable at a glance in a long feed. */
const MARKS: Record<string, { mark: string; color: string }> = {
  rss: { mark: "RSS", color: "orange" },
  web_page: { mark: "WWW", color: "gray" },
  vk: { mark: "VK", color: "blue" },
  telegram: { mark: "TG", color: "cyan" },
  reddit: { mark: "R", color: "orange" },
  banki_ru: { mark: "Б", color: "yellow" },
  yandex_maps: { mark: "ЯК", color: "red" },
  "2gis": { mark: "2G", color: "green" },
  flamp: { mark: "F", color: "lime" },
  otzovik: { mark: "О", color: "grape" },
  irecommend: { mark: "iR", color: "pink" },
  zoon: { mark: "Z", color: "violet" },
  dreamjob: { mark: "DJ", color: "indigo" },
  google_maps: { mark: "GM", color: "green" },
  x: { mark: "X", color: "dark" },
  youtube: { mark: "YT", color: "red" },
  app_store: { mark: "AS", color: "blue" },
  google_play: { mark: "GP", color: "teal" },
  trustpilot: { mark: "TP", color: "green" },
  bluesky: { mark: "BS", color: "blue" },
  mastodon: { mark: "M", color: "indigo" },
  hacker_news: { mark: "HN", color: "orange" },
  facebook: { mark: "FB", color: "blue" },
  instagram: { mark: "IG", color: "pink" },
  ok: { mark: "OK", color: "orange" },
  news: { mark: "N", color: "gray" },
  forum: { mark: "FR", color: "gray" },
  other: { mark: "•", color: "gray" },
};

/** The platform's name in the interface language; an unknown kind is shown as the server named it. */
export function useSourceKindLabel(): (kind: string) => string {
  const t = useT();
  return (kind) => {
    const key = `mentions.sourceKind.${kind}` as TMessageKey;
    const label = t(key);
    return label === undefined || label === key ? kind : label;
  };
}

export function SourceBadge({ kind, size = 36 }: { kind: string; size?: number }) {
  const label = useSourceKindLabel();
  const { mark, color } = MARKS[kind] ?? { mark: kind.slice(0, 2).toUpperCase(), color: "gray" };
  return (
    <Tooltip label={label(kind)} withArrow openDelay={300}>
      <Avatar size={size} radius="md" color={color} variant="light" fz={mark.length > 2 ? 10 : 12} fw={700} aria-label={label(kind)}>
        {mark}
      </Avatar>
    </Tooltip>
  );
}
