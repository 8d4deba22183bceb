import { Anchor, Box, Group, Loader, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { HighlightedSnippet } from "./highlighted-snippet.tsx";
import { caretLine } from "./syntax-caret.ts";
import type { TPreview } from "./types.ts";

/**
 * The query textarea, checked as you type: the syntax error with a caret under its column, or
 * how many stored mentions the query finds, with a few of them highlighted.
 */
export function QueryEditor(props: {
  value: string;
  onChange: (value: string) => void;
  /** The preview of the text the user stopped typing at (debounced). */
  checked: string;
  preview: TPreview | undefined;
  checking: boolean;
  error: string | undefined;
  keptVariants: number;
}) {
  const t = useT();
  const format = useFormat();
  const { preview } = props;
  const current = preview && props.checked.trim() !== "" ? preview : undefined;
  const syntax = current?.error ?? null;
  const caret = syntax ? caretLine(props.checked, syntax.position) : null;

  return (
    <Stack gap={6}>
      <Textarea
        label={t("rules.query")}
        required
        placeholder={t("rules.queryPlaceholder")}
        autosize
        minRows={3}
        maxRows={10}
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={syntax && props.error ? true : props.error}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
        data-testid="rule-query-input"
      />
      {props.checking && !current && (
        <Group gap={6}>
          <Loader size={12} />
          <Text size="xs" c="dimmed">
            {t("rules.checking")}
          </Text>
        </Group>
      )}
      {syntax && caret && (
        <Paper withBorder p="xs" bg="red.0" style={{ borderColor: "var(--mantine-color-red-3)" }} data-testid="rule-syntax-error">
          <Text size="xs" fw={600} c="red.8">
            {t("rules.syntaxError", { column: syntax.column })}
          </Text>
          <Box component="pre" m={0} mt={4} fz={12} ff="monospace" style={{ whiteSpace: "pre", overflowX: "auto" }}>
            {caret.line}
            {"\n"}
            <Text span c="red.7" fw={700} inherit>
              {caret.caret}
            </Text>
          </Box>
          <Text size="xs" c="red.9" mt={4} className="break-anywhere">
            {syntax.message}
          </Text>
        </Paper>
      )}
      {current && !syntax && (
        <Paper withBorder p="xs" bg="gray.0" data-testid="rule-preview">
          {current.scanned === 0 ? (
            <Text size="xs" c="dimmed">
              {t("rules.previewNone")}
            </Text>
          ) : (
            <Stack gap={6}>
              <Text size="xs">
                {props.checking && <Loader size={10} mr={6} />}
                <Text span fw={700} inherit data-testid="rule-preview-count">
                  {t("rules.previewSummary", { query: format.number(current.query ?? 0), scanned: format.number(current.scanned) })}
                </Text>{" "}
                {current.capped && (
                  <Text span c="dimmed" inherit>
                    {t("rules.previewCapped", { scanned: format.number(current.scanned) })}
                  </Text>
                )}
              </Text>
              {props.keptVariants > 0 && (
                <Text size="xs" c="dimmed">
                  {t("rules.previewTotal", { total: format.number(current.total) })}
                </Text>
              )}
              {current.sample.length > 0 && (
                <Stack gap={4}>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                    {t("rules.sample")}
                  </Text>
                  {current.sample.map((s) => (
                    <Group key={s.id} gap={8} wrap="nowrap" align="flex-start">
                      <Anchor href={s.url} target="_blank" rel="noreferrer noopener" size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                        {format.date(s.publishedAt)}
                      </Anchor>
                      <HighlightedSnippet text={s.snippet} highlights={s.highlights} />
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}
