import { Anchor, Badge, Button, Collapse, Group, NumberInput, Paper, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { TBrand } from "../../api/types.ts";
import { isApiError } from "../../api/api-error.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { IconCloud } from "./classification-icons.tsx";
import {
  PROVIDER_FIELDS,
  PROVIDER_NUMBERS,
  type TProviderFormValues,
  type TProviderNumber,
  advancedNeedsOpening,
  missingProviderFields,
  providerBody,
  providerErrorPath,
  providerFormValues,
} from "./provider-form-values.ts";
import type { TClassificationSettings } from "./types.ts";
import { useSaveProvider } from "./use-classification.ts";

/** The mask the server shows for a stored key; sent back unchanged, it keeps the key. */
const SECRET_MASK = "••••••••";

/** The optional OpenAI-compatible provider of the brand: its state, and its form for agency roles. */
export function ProviderCard(props: { brand: TBrand; settings: TClassificationSettings; canWork: boolean }) {
  const t = useT();
  const { provider } = props.settings;
  const [settingUp, setSettingUp] = useState(false);
  const state = !provider ? "off" : provider.enabled ? "on" : "disabled";
  const showForm = provider !== null || settingUp;
  return (
    <Paper withBorder p="lg" data-testid="classification-provider">
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <IconCloud size={20} />
            <Title order={4}>{t("classification.provider.title")}</Title>
            <Badge variant={state === "on" ? "filled" : "light"} color={state === "on" ? "repute" : "gray"} tt="none" data-testid="provider-state">
              {t(`classification.provider.state.${state}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" maw={760}>
            {t("classification.provider.text")}
          </Text>
        </Stack>
        {showForm ? (
          <ProviderForm
            brand={props.brand}
            settings={props.settings}
            canWork={props.canWork}
            onCancel={provider ? undefined : () => setSettingUp(false)}
            onRemoved={() => setSettingUp(false)}
          />
        ) : props.canWork ? (
          <Button variant="light" w="fit-content" onClick={() => setSettingUp(true)} data-testid="provider-set-up">
            {t("classification.provider.setUp")}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t("classification.provider.readOnly")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const NUMBER_LABELS: Record<TProviderNumber, "classification.provider.timeoutMs" | "classification.provider.maxConcurrency" | "classification.provider.batchSize"> = {
  timeoutMs: "classification.provider.timeoutMs",
  maxConcurrency: "classification.provider.maxConcurrency",
  batchSize: "classification.provider.batchSize",
};

function ProviderForm(props: { brand: TBrand; settings: TClassificationSettings; canWork: boolean; onCancel?: () => void; onRemoved: () => void }) {
  const t = useT();
  const format = useFormat();
  const save = useSaveProvider(props.brand.id);
  const stored = props.settings.provider;
  const [values, setValues] = useState<TProviderFormValues>(() => providerFormValues(stored));
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const [removing, setRemoving] = useState(false);
  const errorPaths = isApiError(save.error) ? save.error.fields.map((f) => f.path) : [];
  const [showAdvanced, setShowAdvanced] = useState(() => advancedNeedsOpening(providerFormValues(stored), []));
  const advancedOpen = showAdvanced || advancedNeedsOpening(values, errorPaths);
  const missing = missingProviderFields(values);
  const readOnly = !props.canWork;
  const error = (field: (typeof PROVIDER_FIELDS)[number]) =>
    (tried && missing.includes(field) ? t("validation.required") : undefined) ?? fieldError(save.error, providerErrorPath(field));
  const set = <K extends keyof TProviderFormValues>(key: K, value: TProviderFormValues[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const keyKept = stored !== null && values.apiKey === SECRET_MASK;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing.length > 0) return;
    save.mutate(providerBody(values), {
      onSuccess: (settings) => {
        // What the server kept (the key masked again) is what the form shows now.
        setValues(providerFormValues(settings.provider));
        setTried(false);
        setSaved(true);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md" maw={760}>
          <Switch
            label={t("classification.provider.enabled", { brand: props.brand.name })}
            checked={values.enabled}
            onChange={(e) => set("enabled", e.currentTarget.checked)}
            error={fieldError(save.error, providerErrorPath("enabled"))}
            data-testid="provider-enabled"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t("classification.provider.baseUrl")}
              description={t("classification.provider.baseUrlHint")}
              placeholder="https://api.openai.com/v1"
              type="url"
              required
              value={values.baseUrl}
              onChange={(e) => set("baseUrl", e.currentTarget.value)}
              error={error("baseUrl")}
              data-testid="provider-base-url"
            />
            <TextInput
              label={t("classification.provider.model")}
              description={"\u00a0"}
              placeholder={t("classification.provider.modelPlaceholder")}
              required
              maxLength={200}
              value={values.model}
              onChange={(e) => set("model", e.currentTarget.value)}
              error={error("model")}
              data-testid="provider-model"
            />
          </SimpleGrid>
          <PasswordInput
            label={t("classification.provider.apiKey")}
            description={keyKept ? t("classification.provider.apiKeyKept") : t("classification.provider.apiKeyHint")}
            required
            autoComplete="new-password"
            maxLength={1000}
            value={values.apiKey}
            onFocus={(e) => keyKept && e.currentTarget.select()}
            onChange={(e) => set("apiKey", e.currentTarget.value)}
            error={error("apiKey")}
            data-testid="provider-api-key"
          />
          <Anchor component="button" type="button" size="sm" ta="left" onClick={() => setShowAdvanced((s) => !s)} data-testid="provider-advanced">
            {advancedOpen ? t("classification.provider.hideAdvanced") : t("classification.provider.advanced")}
          </Anchor>
          <Collapse expanded={advancedOpen}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                {(Object.keys(PROVIDER_NUMBERS) as TProviderNumber[]).map((key) => (
                  <NumberInput
                    key={key}
                    label={t(NUMBER_LABELS[key])}
                    description={t("classification.provider.default", { value: format.number(PROVIDER_NUMBERS[key].fallback) })}
                    placeholder={String(PROVIDER_NUMBERS[key].fallback)}
                    min={PROVIDER_NUMBERS[key].min}
                    max={PROVIDER_NUMBERS[key].max}
                    allowDecimal={false}
                    allowNegative={false}
                    value={values[key]}
                    onChange={(value) => set(key, value)}
                    error={fieldError(save.error, providerErrorPath(key))}
                    data-testid={`provider-${key}`}
                  />
                ))}
              </SimpleGrid>
              <Switch
                label={t("classification.provider.jsonMode")}
                description={t("classification.provider.jsonModeHint")}
                checked={values.jsonMode}
                onChange={(e) => set("jsonMode", e.currentTarget.checked)}
                error={fieldError(save.error, providerErrorPath("jsonMode"))}
                data-testid="provider-json-mode"
              />
            </Stack>
          </Collapse>
          <ErrorAlert error={save.error} formFields={PROVIDER_FIELDS.map(providerErrorPath)} />
          {props.canWork && (
            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                <Button type="submit" loading={save.isPending && !removing} data-testid="provider-save">
                  {t("classification.provider.save")}
                </Button>
                {props.onCancel && (
                  <Button variant="default" onClick={props.onCancel}>
                    {t("common.cancel")}
                  </Button>
                )}
                {saved && (
                  <Text size="sm" c="repute.8" role="status" data-testid="provider-saved">
                    {t("classification.provider.saved")}
                  </Text>
                )}
              </Group>
              {stored && (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    save.reset();
                    setRemoving(true);
                  }}
                  data-testid="provider-remove"
                >
                  {t("classification.provider.remove")}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </fieldset>
      <ConfirmModal
        opened={removing}
        title={t("classification.provider.removeTitle", { brand: props.brand.name })}
        confirmLabel={t("classification.provider.remove")}
        danger
        loading={save.isPending}
        error={save.error}
        onConfirm={() =>
          save.mutate(null, {
            onSuccess: () => {
              setRemoving(false);
              props.onRemoved();
            },
          })
        }
        onClose={() => setRemoving(false)}
      >
        {t("classification.provider.removeText")}
      </ConfirmModal>
    </form>
  );
}
