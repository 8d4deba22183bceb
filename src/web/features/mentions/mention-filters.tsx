import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Popover,
  ScrollArea,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { forwardRef, useEffect, useRef, useState } from "react";
import { IconChevronDown, IconX } from "../../components/icons.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useI18n, useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { PERIODS, type TFeedFilters, type TListKey, activeFilterCount } from "./feed-filters.ts";
import { IconFilterOff, IconHelp, IconSearch } from "./mention-icons.tsx";
import { useSourceKindLabel } from "./source-badge.tsx";
import { MENTION_STATUSES, RULE_GROUPS, SENTIMENT_FILTERS, type TFacetValue, type TFacets } from "./types.ts";

type TOption = { value: string; label: string; count?: number };

/** The search box: typed freely, applied after a pause; `/` focuses it. */
export const SearchBox = forwardRef<HTMLInputElement, { value: string; onChange: (q: string) => void }>(function SearchBox(props, ref) {
  const t = useT();
  const [text, setText] = useState(props.value);
  const [debounced] = useDebouncedValue(text, 400);
  const applied = useRef(props.value);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  // A reset or a link changes the filter from outside: show it.
  useEffect(() => {
    if (props.value !== applied.current) {
      applied.current = props.value;
      setText(props.value);
    }
  }, [props.value]);
  // Only a new pause in typing applies the text; a reset meanwhile is not undone by an old one.
  useEffect(() => {
    if (debounced !== applied.current) {
      applied.current = debounced;
      onChange.current(debounced);
    }
  }, [debounced]);
  return (
    <TextInput
      ref={ref}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          applied.current = text;
          props.onChange(text);
        }
        if (event.key === "Escape") event.currentTarget.blur();
      }}
      placeholder={t("mentions.searchPlaceholder")}
      aria-label={t("mentions.search")}
      leftSection={<IconSearch size={16} />}
      rightSectionWidth={text ? 64 : 36}
      rightSection={
        <Group gap={2} wrap="nowrap">
          {text && (
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => { setText(""); applied.current = ""; props.onChange(""); }} aria-label={t("mentions.clearSearch")}>
              <IconX size={14} />
            </ActionIcon>
          )}
          <SyntaxHelp />
        </Group>
      }
      size="md"
      maxLength={500}
      style={{ flex: 1, minWidth: 260 }}
      data-testid="mentions-search"
    />
  );
});

function SyntaxHelp() {
  const t = useT();
  const rows: [string, TMessageKey][] = [
    ["доставк", "mentions.syntax.prefix"],
    ['"быстрая доставка"', "mentions.syntax.phrase"],
    ["-реклама", "mentions.syntax.exclude"],
    ["карта OR кредит", "mentions.syntax.or"],
  ];
  return (
    <Popover width={380} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t("mentions.syntax.title")} data-testid="mentions-syntax">
          <IconHelp size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={6}>
          {t("mentions.syntax.title")}
        </Text>
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6} highlightOnHover={false}>
          <Table.Tbody>
            {rows.map(([example, hint]) => (
              <Table.Tr key={example}>
                <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                  <Code>{example}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{t(hint)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={6}>
          {t("mentions.syntax.note")}
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A filter button: its name, how many values are chosen, and a checklist with counts. */
function FacetMenu(props: {
  label: string;
  sections: { title?: string; options: TOption[]; selected: string[]; onChange: (values: string[]) => void }[];
  testId: string;
  emptyText?: string;
  /** Shown under the list, e.g. that the counts cover only part of the mentions. */
  note?: string;
}) {
  const t = useT();
  const format = useFormat();
  const chosen = props.sections.reduce((n, s) => n + s.selected.length, 0);
  const total = props.sections.reduce((n, s) => n + s.options.length, 0);
  const chosenLabels = props.sections.flatMap((s) => s.options.filter((o) => s.selected.includes(o.value)).map((o) => o.label));
  return (
    <Popover position="bottom-start" shadow="md" withArrow width={280} trapFocus>
      <Popover.Target>
        <Button
          variant={chosen ? "light" : "default"}
          size="sm"
          rightSection={<IconChevronDown size={14} />}
          data-testid={props.testId}
          title={chosenLabels.join(", ") || undefined}
          style={{ fontWeight: chosen ? 600 : 500 }}
        >
          {props.label}
          {chosen > 0 && (
            <Badge size="xs" circle ml={6} variant="filled">
              {chosen}
            </Badge>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {total === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            {props.emptyText ?? t("mentions.filter.noValues")}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={340} type="auto">
            <Stack gap="xs">
              {props.sections.map((section, i) =>
                section.options.length === 0 ? null : (
                  <Stack key={i} gap={2}>
                    {section.title && (
                      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px={6} pt={4}>
                        {section.title}
                      </Text>
                    )}
                    {section.options.map((option) => {
                      const checked = section.selected.includes(option.value);
                      return (
                        <Group
                          key={option.value}
                          justify="space-between"
                          wrap="nowrap"
                          px={6}
                          py={4}
                          style={{ borderRadius: 6, cursor: "pointer" }}
                          className="mentions-facet-row"
                        >
                          <Checkbox
                            size="xs"
                            label={option.label}
                            checked={checked}
                            onChange={() => section.onChange(checked ? section.selected.filter((v) => v !== option.value) : [...section.selected, option.value])}
                            styles={{ label: { cursor: "pointer" }, body: { alignItems: "center" } }}
                            style={{ flex: 1, minWidth: 0 }}
                          />
                          {option.count !== undefined && (
                            <Text size="xs" c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
                              {format.number(option.count)}
                            </Text>
                          )}
                        </Group>
                      );
                    })}
                  </Stack>
                ),
              )}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {props.note && total > 0 && (
          <Text size="xs" c="dimmed" px={6} pt={6}>
            {props.note}
          </Text>
        )}
        {chosen > 0 && (
          <Button variant="subtle" size="compact-xs" mt="xs" fullWidth onClick={() => props.sections.forEach((s) => s.onChange([]))}>
            {t("mentions.filter.clear")}
          </Button>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

/** Options for a dimension: the known ones with their counts, plus chosen values that have none now. */
function optionsOf(facet: TFacetValue[] | undefined, selected: string[], label: (value: string, facetLabel: string | null) => string, known?: readonly string[]): TOption[] {
  const counts = new Map((facet ?? []).map((f) => [f.value, f]));
  const values = known ? [...known] : [...counts.keys()];
  for (const v of selected) if (!values.includes(v)) values.push(v);
  return values
    .filter((v) => !known || counts.has(v) || selected.includes(v) || known.includes(v))
    .map((v) => ({ value: v, label: label(v, counts.get(v)?.label ?? null), count: facet ? (counts.get(v)?.count ?? 0) : undefined }));
}

export function FilterBar(props: { filters: TFeedFilters; facets: TFacets | undefined; onChange: (next: TFeedFilters) => void; onReset: () => void }) {
  const t = useT();
  const kindLabel = useSourceKindLabel();
  const { filters, facets, onChange } = props;
  const set = (key: TListKey) => (values: string[]) => onChange({ ...filters, [key]: values });
  const active = activeFilterCount(filters);
  const langName = useLanguageName();
  const format = useFormat();
  const note = facets?.capped ? t("mentions.filter.sampled", { count: format.number(facets.scanned) }) : undefined;
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" align="center">
        <ScrollArea type="never" scrollbars="x" maw="100%">
          <SegmentedControl
            size="sm"
            value={filters.period}
            onChange={(value) => onChange({ ...filters, period: value as TFeedFilters["period"] })}
            data={PERIODS.map((p) => ({ value: p, label: t(`mentions.period.${p}` satisfies TMessageKey) }))}
            data-testid="mentions-period"
          />
        </ScrollArea>
        {filters.period === "custom" && (
          <Group gap={6} wrap="nowrap">
            <TextInput
              type="date"
              size="sm"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(event) => onChange({ ...filters, from: event.currentTarget.value })}
              aria-label={t("mentions.period.from")}
              data-testid="mentions-from"
            />
            <Text size="sm" c="dimmed">
              —
            </Text>
            <TextInput
              type="date"
              size="sm"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(event) => onChange({ ...filters, to: event.currentTarget.value })}
              aria-label={t("mentions.period.to")}
              data-testid="mentions-to"
            />
          </Group>
        )}
      </Group>
      <Group gap="xs" wrap="wrap" align="center">
        <FacetMenu
          label={t("mentions.filter.source")}
          note={note}
          testId="filter-source"
          sections={[
            { title: t("mentions.filter.platforms"), options: optionsOf(facets?.sourceKind, filters.source, (v) => kindLabel(v)), selected: filters.source, onChange: set("source") },
            { title: t("mentions.filter.configuredSources"), options: optionsOf(facets?.sourceId, filters.sourceId, (v, l) => l ?? v.slice(0, 8)), selected: filters.sourceId, onChange: set("sourceId") },
          ]}
        />
        <FacetMenu
          label={t("mentions.filter.sentiment")}
          note={note}
          testId="filter-sentiment"
          sections={[{ options: optionsOf(facets?.sentiment, filters.sentiment, (v) => t(`mentions.sentiment.${v}` as TMessageKey), SENTIMENT_FILTERS), selected: filters.sentiment, onChange: set("sentiment") }]}
        />
        <FacetMenu
          label={t("mentions.filter.group")}
          note={note}
          testId="filter-group"
          sections={[{ options: optionsOf(facets?.group, filters.group, (v) => t(`mentions.group.${v}` as TMessageKey), RULE_GROUPS.filter((g) => g !== "exclusions")), selected: filters.group, onChange: set("group") }]}
        />
        <FacetMenu
          label={t("mentions.filter.language")}
          note={note}
          testId="filter-lang"
          sections={[{ options: optionsOf(facets?.lang, filters.lang, (v) => langName(v)), selected: filters.lang, onChange: set("lang") }]}
        />
        <FacetMenu
          label={t("mentions.filter.site")}
          note={note}
          testId="filter-site"
          sections={[{ options: optionsOf(facets?.site, filters.site, (v) => v), selected: filters.site, onChange: set("site") }]}
        />
        <FacetMenu
          label={t("mentions.filter.status")}
          note={note}
          testId="filter-status"
          sections={[{ options: optionsOf(facets?.status, filters.status, (v) => t(`mentions.status.${v}` as TMessageKey), MENTION_STATUSES), selected: filters.status, onChange: set("status") }]}
        />
        <Tooltip label={t("mentions.foldHint")} withArrow multiline w={280} openDelay={300}>
          <Switch
            ml="xs"
            size="sm"
            checked={filters.folded}
            onChange={(event) => onChange({ ...filters, folded: event.currentTarget.checked })}
            label={t("mentions.fold")}
            data-testid="mentions-fold"
          />
        </Tooltip>
        {active > 0 && (
          <Button variant="subtle" color="gray" size="sm" leftSection={<IconFilterOff size={15} />} onClick={props.onReset} data-testid="mentions-reset">
            {t("mentions.filter.reset")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** "Russian", "English"… in the interface language; unknown codes as they are. */
function useLanguageName(): (code: string) => string {
  const { locale } = useI18n();
  return (code) => {
    try {
      const name = new Intl.DisplayNames([locale], { type: "language" }).of(code);
      return name && name !== code ? name.charAt(0).toUpperCase() + name.slice(1) : code;
    } catch {
      return code;
    }
  };
}

/** Keys of the feed, shown in a popover so they are discoverable without cluttering it. */
