import { ActionBar, Button, Group, Menu, Popover, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "../../components/icons.tsx";
import { useState } from "react";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { IconEyeOff, IconMailOpen, IconMood, IconTag } from "./mention-icons.tsx";
import { SENTIMENT_COLOR } from "./mention-parts.tsx";
import { TypeSwatch } from "./negative-type-badge.tsx";
import { NEGATIVE_TYPES, SENTIMENTS, type TBulkAction } from "./types.ts";
import { usePlural } from "./use-plural.ts";

/**
 * What an agency role can do to the selected mentions at once. "Open a case" comes with cases
 * (a later part of the product); it is not offered before it exists.
 */
export function BulkBar(props: {
  count: number;
  /** Tags the selected mentions carry, offered for removal. */
  tags: string[];
  /** The feed shows irrelevant mentions: offer to bring them back instead. */
  showingIrrelevant: boolean;
  busy: boolean;
  onAction: (action: TBulkAction) => void;
  onClear: () => void;
}) {
  const t = useT();
  const plural = usePlural();
  return (
    <ActionBar opened={props.count > 0} onClose={props.onClear} closeOnEscape shadow="lg" aria-label={t("mentions.bulk.label")} data-testid="mentions-bulk-bar">
      <Text size="sm" fw={600} px="xs" style={{ whiteSpace: "nowrap" }} data-testid="mentions-bulk-count">
        {plural("mentions.bulk.selected", props.count)}
      </Text>
      <ActionBar.Divider />
      <Menu position="top" withArrow shadow="md">
        <Menu.Target>
          <Button variant="subtle" size="sm" leftSection={<IconMood mood="neutral" size={16} />} loading={props.busy} data-testid="bulk-sentiment">
            {t("mentions.bulk.sentiment")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconCheck size={16} />} onClick={() => props.onAction({ action: "confirm_sentiment" })} data-testid="bulk-confirm-sentiment">
            {t("mentions.bulk.confirmSentiment")}
          </Menu.Item>
          <Menu.Divider />
          {SENTIMENTS.map((label) => (
            <Menu.Item
              key={label}
              leftSection={<IconMood mood={label} size={16} color={`var(--mantine-color-${SENTIMENT_COLOR[label]}-6)`} />}
              onClick={() => props.onAction({ action: "set_sentiment", sentiment: label })}
              data-testid={`bulk-sentiment-${label}`}
            >
              {t(`mentions.sentiment.${label}` satisfies TMessageKey)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <NegativeTypeMenu busy={props.busy} onAction={props.onAction} />
      <TagPopover label={t("mentions.bulk.addTag")} testId="bulk-add-tag" onSubmit={(tag) => props.onAction({ action: "add_tag", tag })} />
      {props.tags.length > 0 && (
        <Menu position="top" withArrow shadow="md">
          <Menu.Target>
            <Button variant="subtle" size="sm" color="gray" data-testid="bulk-remove-tag">
              {t("mentions.bulk.removeTag")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {props.tags.map((tag) => (
              <Menu.Item key={tag} onClick={() => props.onAction({ action: "remove_tag", tag })}>
                #{tag}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <ActionBar.Divider />
      <Button variant="subtle" size="sm" color="gray" leftSection={<IconMailOpen size={16} />} onClick={() => props.onAction({ action: "set_status", status: "read" })} data-testid="bulk-read">
        {t("mentions.bulk.markRead")}
      </Button>
      {props.showingIrrelevant ? (
        <Button variant="subtle" size="sm" color="gray" onClick={() => props.onAction({ action: "set_status", status: "new" })} data-testid="bulk-relevant">
          {t("mentions.bulk.markRelevant")}
        </Button>
      ) : (
        <Button variant="subtle" size="sm" color="red" leftSection={<IconEyeOff size={16} />} onClick={() => props.onAction({ action: "set_status", status: "irrelevant" })} data-testid="bulk-irrelevant">
          {t("mentions.bulk.markIrrelevant")}
        </Button>
      )}
      <ActionBar.CloseButton aria-label={t("mentions.bulk.clear")} />
    </ActionBar>
  );
}

/** Set or keep the type of negative of the selected mentions; the server skips the ones that are not negative. */
function NegativeTypeMenu(props: { busy: boolean; onAction: (action: TBulkAction) => void }) {
  const t = useT();
  return (
    <Menu position="top" withArrow shadow="md">
      <Menu.Target>
        <Button variant="subtle" size="sm" color="red" leftSection={<IconAlertTriangle size={16} />} loading={props.busy} data-testid="bulk-negative-type">
          {t("mentions.bulk.negType")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("mentions.bulk.negativesOnly")}</Menu.Label>
        <Menu.Item leftSection={<IconCheck size={16} />} onClick={() => props.onAction({ action: "confirm_negative_type" })} data-testid="bulk-confirm-negative-type">
          {t("mentions.bulk.confirmType")}
        </Menu.Item>
        <Menu.Divider />
        {NEGATIVE_TYPES.map((type) => (
          <Menu.Item
            key={type}
            leftSection={<TypeSwatch type={type} />}
            onClick={() => props.onAction({ action: "set_negative_type", negativeType: type })}
            data-testid={`bulk-negative-type-${type}`}
          >
            {t(`mentions.negTypeFull.${type}` satisfies TMessageKey)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function TagPopover(props: { label: string; testId: string; onSubmit: (tag: string) => void }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState("");
  const clean = tag.trim();
  const submit = () => {
    if (!clean || clean.length > 50) return;
    props.onSubmit(clean);
    setTag("");
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="top" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="subtle" size="sm" leftSection={<IconTag size={16} />} onClick={() => setOpened((o) => !o)} data-testid={props.testId}>
          {props.label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              size="sm"
              value={tag}
              onChange={(event) => setTag(event.currentTarget.value)}
              placeholder={t("mentions.bulk.tagPlaceholder")}
              maxLength={50}
              error={clean.length > 50 ? t("mentions.bulk.tagTooLong") : undefined}
              data-autofocus
              data-testid="bulk-tag-input"
              w={200}
            />
            <Button type="submit" size="sm" disabled={!clean} data-testid="bulk-tag-submit">
              {t("mentions.bulk.apply")}
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
