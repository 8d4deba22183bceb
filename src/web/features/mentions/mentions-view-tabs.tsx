import { Badge, Tabs } from "@mantine/core";
import { useNavigate } from "react-router";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { brandPath } from "../sections/sections.ts";
import { IconCheck, IconMessage } from "../../components/icons.tsx";
import { useReviewQueueCount } from "./use-mentions.ts";

export type TMentionsView = "feed" | "queue";

/** The path of each view of the Mentions section: the feed, and the review queue under it. */
export const mentionsViewPath = (brandId: string, view: TMentionsView): string =>
  view === "feed" ? brandPath(brandId, "mentions") : `${brandPath(brandId, "mentions")}/review`;

/** Feed | Review queue (with how many labels wait), for agency roles; clients only have the feed. */
export function MentionsViewTabs(props: { brandId: string; active: TMentionsView; canWork: boolean }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const count = useReviewQueueCount(props.brandId, props.canWork);
  if (!props.canWork) return null;
  return (
    <Tabs
      value={props.active}
      onChange={(value) => {
        if (value === "feed" || value === "queue") void navigate(mentionsViewPath(props.brandId, value));
      }}
      mb="md"
      aria-label={t("mentions.view.label")}
    >
      <Tabs.List>
        <Tabs.Tab value="feed" leftSection={<IconMessage size={16} />} data-testid="mentions-view-feed">
          {t("mentions.view.feed")}
        </Tabs.Tab>
        <Tabs.Tab
          value="queue"
          leftSection={<IconCheck size={16} />}
          rightSection={
            count.data !== undefined && count.data > 0 ? (
              <Badge size="sm" variant="light" circle={count.data < 10} data-testid="mentions-queue-count">
                {format.number(count.data)}
              </Badge>
            ) : undefined
          }
          data-testid="mentions-view-queue"
        >
          {t("mentions.view.queue")}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
