import { Button, Divider, Group, Modal, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState, type FormEvent } from "react";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { QueryEditor } from "./query-editor.tsx";
import { RULE_GROUPS, type TRule, type TRuleGroup, type TVariant } from "./types.ts";
import { useCreateRule, useRulePreview, useUpdateRule } from "./use-rules.ts";
import { VariantsPanel } from "./variants-panel.tsx";

const PREVIEW_DEBOUNCE_MS = 500;

type TProps = { brandId: string; opened: boolean; rule: TRule | null; group: TRuleGroup; onClose: () => void };

/** Add or edit a rule: group, name, a query checked as you type, and kept spelling variants. */
export function RuleModal(props: TProps) {
  const t = useT();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.rule ? t("rules.editTitle", { name: props.rule.name }) : t("rules.newTitle")}
      size="xl"
      centered
    >
      <RuleForm key={props.rule?.id ?? `new-${props.group}`} {...props} />
    </Modal>
  );
}

function RuleForm(props: TProps) {
  const t = useT();
  const { rule } = props;
  const create = useCreateRule(props.brandId);
  const update = useUpdateRule(props.brandId);
  const mutation = rule ? update : create;
  const [group, setGroup] = useState<TRuleGroup>(rule?.group ?? props.group);
  const [name, setName] = useState(rule?.name ?? "");
  const [query, setQuery] = useState(rule?.query ?? "");
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [kept, setKept] = useState<TVariant[]>(rule?.variants ?? []);
  const [tried, setTried] = useState(false);
  const [checked] = useDebouncedValue(query, PREVIEW_DEBOUNCE_MS);
  const preview = useRulePreview(
    props.brandId,
    checked,
    kept.map((v) => v.variant),
    checked.trim() !== "",
  );
  const serverError = (path: string) => fieldError(mutation.error, path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !query.trim()) return;
    const body = { group, name: name.trim(), query, variants: kept, enabled };
    if (rule) update.mutate({ id: rule.id, ...body }, { onSuccess: props.onClose });
    else create.mutate(body, { onSuccess: props.onClose });
  };

  const required = (value: string) => (tried && !value.trim() ? t("validation.required") : undefined);
  const variantFields = kept.map((_, i) => `variants.${i}.variant`);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group grow align="flex-start">
          <Select
            label={t("rules.group")}
            data={RULE_GROUPS.map((g) => ({ value: g, label: t(`rules.group.${g}`) }))}
            value={group}
            onChange={(v) => v && setGroup(v as TRuleGroup)}
            allowDeselect={false}
            error={serverError("group")}
            data-testid="rule-group-select"
          />
          <TextInput
            label={t("rules.name")}
            placeholder={t("rules.namePlaceholder")}
            required
            data-autofocus
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={required(name) ?? serverError("name")}
            data-testid="rule-name"
          />
        </Group>
        <QueryEditor
          value={query}
          onChange={setQuery}
          checked={checked}
          preview={preview.data}
          checking={preview.isFetching || checked !== query}
          error={required(query) ?? serverError("query")}
          keptVariants={kept.length}
        />
        <Switch label={t("rules.enabled")} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} data-testid="rule-enabled-input" />
        <Divider />
        <VariantsPanel brandId={props.brandId} name={name} kept={kept} onChange={setKept} fieldError={serverError} />
        <ErrorAlert error={mutation.error} formFields={["group", "name", "query", ...variantFields]} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="rule-submit">
            {rule ? t("rules.save") : t("rules.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
