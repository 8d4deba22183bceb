import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Divider,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useMemo, useState, type FormEvent } from "react";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { useI18n, useT } from "../../i18n/i18n-context.tsx";
import { type TConfigField, type TFormValues, configFields, initialValues, missingRequired, perMinute, toConfig } from "./config-fields.ts";
import { useIntervalLabel, useRateLabel } from "./interval-label.ts";
import type { TCapabilities, TConnector, TSource } from "./types.ts";
import { useConnectors, useCreateSource, useUpdateSource } from "./use-sources.ts";

/** The mask the server shows for a stored secret; sent back unchanged, it keeps the secret. */
const SECRET_MASK = "••••••••";
/** A config key that mirrors the source's own-place flag; the "What to keep" control sets it. */
const OWN_PLACE_KEY = "ownPlace";
const MIN_INTERVAL = 5;
const MAX_INTERVAL = 10_080;
/** Bounds of the source's own limits (the server's, manage-sources.ts); empty = the default. */
const MIN_RATE = 1;
const MAX_RATE = 6_000;
const MIN_EXPECTED_ITEM = 10;
const MAX_EXPECTED_ITEM = 525_600;

/** A number input's value as the API wants it: empty means null (the default). */
const orNull = (value: number | string): number | null => (value === "" ? null : Number(value));

type TProps = { brandId: string; opened: boolean; source: TSource | null; onClose: () => void };

/** Add a source (pick a connector, then fill its form) or edit one. */
export function SourceModal(props: TProps) {
  const t = useT();
  const { locale } = useI18n();
  const connectors = useConnectors();
  const [picked, setPicked] = useState<TConnector | null>(null);
  const editing = props.source;
  const connector = editing ? connectors.data?.find((c) => c.id === editing.connector) : picked;
  const close = () => {
    props.onClose();
    setPicked(null);
  };
  const title = editing
    ? t("sources.editTitle", { name: editing.name })
    : connector
      ? t("sources.newTitle", { connector: connector.title[locale] })
      : t("sources.pickTitle");

  return (
    <Modal opened={props.opened} onClose={close} title={title} size={connector || editing ? "lg" : "xl"} centered>
      {connectors.isPending ? (
        <PageLoader />
      ) : !connectors.data ? (
        <ErrorAlert error={connectors.error} />
      ) : editing && !connector ? (
        <Alert color="red" variant="light">
          {t("sources.connectorMissing", { id: editing.connector })}
        </Alert>
      ) : connector ? (
        <SourceForm
          key={`${connector.id}:${editing?.id ?? "new"}`}
          brandId={props.brandId}
          connector={connector}
          source={editing}
          onBack={editing ? undefined : () => setPicked(null)}
          onDone={close}
        />
      ) : (
        <ConnectorPicker connectors={connectors.data} onPick={setPicked} />
      )}
    </Modal>
  );
}

const CAPABILITIES: (keyof TCapabilities)[] = ["keywordSearch", "placeReviews", "ownPageComments", "reply"];

function ConnectorPicker(props: { connectors: TConnector[]; onPick: (c: TConnector) => void }) {
  const t = useT();
  const { locale } = useI18n();
  const intervalLabel = useIntervalLabel();
  if (props.connectors.length === 0) return <Text c="dimmed">{t("sources.noConnectors")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {props.connectors.map((connector) => (
        <UnstyledButton key={connector.id} onClick={() => props.onPick(connector)} data-testid={`connector-${connector.id}`}>
          <Card withBorder padding="md" radius="md" h="100%" className="connector-card">
            <Text fw={600} size="sm">
              {connector.title[locale]}
            </Text>
            <Group gap={4} mt={8}>
              {CAPABILITIES.filter((c) => connector.capabilities[c]).map((c) => (
                <Badge key={c} size="xs" variant="light" color="gray" tt="none">
                  {t(`sources.cap.${c}`)}
                </Badge>
              ))}
            </Group>
            <Text size="xs" c="dimmed" mt={8}>
              {t("sources.defaultInterval", { interval: intervalLabel(connector.defaultIntervalMinutes) })}
            </Text>
          </Card>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}

type TOwnPlace = "auto" | "own" | "stream";

function SourceForm(props: { brandId: string; connector: TConnector; source: TSource | null; onBack?: () => void; onDone: () => void }) {
  const t = useT();
  const { connector, source } = props;
  const create = useCreateSource(props.brandId);
  const update = useUpdateSource(props.brandId);
  const mutation = source ? update : create;
  const schemaHasOwnPlace = connector.configSchema.properties?.[OWN_PLACE_KEY]?.type === "boolean";
  const fields = useMemo(
    () => configFields(connector.configSchema, connector.secretFields, schemaHasOwnPlace ? [OWN_PLACE_KEY] : []),
    [connector, schemaHasOwnPlace],
  );
  const clamp = (n: number) => Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, n));
  const [name, setName] = useState(source?.name ?? "");
  const [interval, setIntervalMinutes] = useState<number | string>(source?.intervalMinutes ?? clamp(connector.defaultIntervalMinutes));
  const [ownPlace, setOwnPlace] = useState<TOwnPlace>(source ? (source.ownPlace ? "own" : "stream") : "auto");
  const [values, setValues] = useState<TFormValues>(() => initialValues(fields, source?.config));
  const [rateLimit, setRateLimit] = useState<number | string>(source?.rateLimitPerMinute ?? "");
  const [expectedItem, setExpectedItem] = useState<number | string>(source?.expectedItemMinutes ?? "");
  const [tried, setTried] = useState(false);
  const serverError = (path: string) => fieldError(mutation.error, path);
  const advanced = fields.filter((f) => f.advanced);
  // Open from the start when the source already has its own limits, so they are not hidden.
  const [showAdvanced, setShowAdvanced] = useState(source?.rateLimitPerMinute != null || source?.expectedItemMinutes != null);
  const advancedHasError =
    advanced.some((f) => serverError(`config.${f.key}`)) || !!serverError("rateLimitPerMinute") || !!serverError("expectedItemMinutes");
  const rateLabel = useRateLabel();

  const missing = missingRequired(fields, values);
  const nameError = tried && !name.trim() ? t("validation.required") : serverError("name");
  const localError = (key: string) => (tried && missing.includes(key) ? t("validation.required") : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || missing.length > 0) return;
    const config = toConfig(fields, values);
    if (schemaHasOwnPlace && ownPlace !== "auto") config[OWN_PLACE_KEY] = ownPlace === "own";
    const body = {
      name: name.trim(),
      config,
      intervalMinutes: typeof interval === "number" ? interval : Number(interval),
      rateLimitPerMinute: orNull(rateLimit),
      expectedItemMinutes: orNull(expectedItem),
      ...(ownPlace === "auto" ? {} : { ownPlace: ownPlace === "own" }),
    };
    if (source) update.mutate({ id: source.id, ...body }, { onSuccess: props.onDone });
    else create.mutate({ connector: connector.id, ...body }, { onSuccess: props.onDone });
  };

  const formFields = ["name", "intervalMinutes", "rateLimitPerMinute", "expectedItemMinutes", "ownPlace", ...fields.map((f) => `config.${f.key}`)];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t("sources.name")}
          placeholder={t("sources.namePlaceholder")}
          required
          data-autofocus
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError}
          data-testid="source-name"
        />
        {fields.some((f) => !f.advanced) && <Divider label={t("sources.settings")} labelPosition="left" />}
        {fields
          .filter((f) => !f.advanced)
          .map((field) => (
            <ConfigInput
              key={field.key}
              field={field}
              value={values[field.key]}
              editing={source !== null}
              error={localError(field.key) ?? serverError(`config.${field.key}`)}
              onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
            />
          ))}
        <Divider />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t("sources.ownPlace")}
          </Text>
          <SegmentedControl
            value={ownPlace}
            onChange={(v) => setOwnPlace(v as TOwnPlace)}
            data={[
              ...(source ? [] : [{ value: "auto", label: t("sources.ownPlace.auto") }]),
              { value: "own", label: t("sources.ownPlace.own") },
              { value: "stream", label: t("sources.ownPlace.stream") },
            ]}
            data-testid="source-own-place"
          />
          <Text size="xs" c="dimmed">
            {t("sources.ownPlaceHelp")}
          </Text>
        </Stack>
        <NumberInput
          label={t("sources.interval")}
          description={t("sources.intervalHint")}
          min={MIN_INTERVAL}
          max={MAX_INTERVAL}
          allowDecimal={false}
          clampBehavior="blur"
          value={interval}
          onChange={setIntervalMinutes}
          error={serverError("intervalMinutes")}
          w={240}
          data-testid="source-interval"
        />
        <Anchor component="button" type="button" size="sm" onClick={() => setShowAdvanced((s) => !s)} ta="left" data-testid="source-advanced">
          {showAdvanced || advancedHasError ? t("sources.hideAdvanced") : t("sources.advanced")}
        </Anchor>
        <Collapse expanded={showAdvanced || advancedHasError}>
          <Stack gap="md">
            {advanced.map((field) => (
              <ConfigInput
                key={field.key}
                field={field}
                value={values[field.key]}
                editing={source !== null}
                error={serverError(`config.${field.key}`)}
                onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
              />
            ))}
            <NumberInput
              label={t("sources.rateLimit")}
              description={
                connector.rateLimit ? t("sources.rateLimitHint", { rate: rateLabel(connector.rateLimit) }) : t("sources.rateLimitHintUnknown")
              }
              placeholder={connector.rateLimit ? String(perMinute(connector.rateLimit)) : undefined}
              min={MIN_RATE}
              max={MAX_RATE}
              allowDecimal={false}
              allowNegative={false}
              value={rateLimit}
              onChange={setRateLimit}
              error={serverError("rateLimitPerMinute")}
              w={240}
              data-testid="source-rate-limit"
            />
            <NumberInput
              label={t("sources.expectedItem")}
              description={t("sources.expectedItemHint")}
              placeholder={t("sources.expectedItemPlaceholder")}
              min={MIN_EXPECTED_ITEM}
              max={MAX_EXPECTED_ITEM}
              allowDecimal={false}
              allowNegative={false}
              value={expectedItem}
              onChange={setExpectedItem}
              error={serverError("expectedItemMinutes")}
              w={240}
              data-testid="source-expected-item"
            />
          </Stack>
        </Collapse>
        <ErrorAlert error={mutation.error} formFields={formFields} />
        <Group justify="space-between" gap="sm">
          <div>
            {props.onBack && (
              <Button variant="subtle" color="gray" onClick={props.onBack}>
                {t("sources.back")}
              </Button>
            )}
          </div>
          <Group gap="sm">
            <Button variant="default" onClick={props.onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="source-submit">
              {source ? t("sources.save") : t("sources.create")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function ConfigInput(props: {
  field: TConfigField;
  value: string | boolean | undefined;
  editing: boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const t = useT();
  const { field, error } = props;
  const testId = `config-${field.key}`;
  const placeholder = field.defaultValue !== undefined && typeof field.defaultValue !== "object" ? String(field.defaultValue) : undefined;
  const description = field.description ?? (field.advanced && placeholder !== undefined ? t("sources.defaultValue", { value: placeholder }) : undefined);
  const common = { label: field.label, required: field.required, error, "data-testid": testId };
  const text = typeof props.value === "string" ? props.value : "";

  switch (field.kind) {
    case "boolean":
      return (
        <Switch
          label={field.label}
          description={field.description}
          checked={props.value === true}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
          error={error}
          data-testid={testId}
        />
      );
    case "enum":
      return (
        <Select
          {...common}
          description={description}
          data={field.options}
          value={text || null}
          onChange={(v) => props.onChange(v ?? "")}
          clearable={!field.required}
          allowDeselect={!field.required}
        />
      );
    case "integer":
    case "number":
      return (
        <NumberInput
          {...common}
          description={description}
          placeholder={placeholder}
          min={field.min}
          max={field.max}
          allowDecimal={field.kind === "number"}
          value={text}
          onChange={(v) => props.onChange(String(v))}
          w={240}
        />
      );
    case "secret": {
      const kept = props.editing && text === SECRET_MASK;
      return (
        <PasswordInput
          {...common}
          description={kept ? t("sources.secretKept") : (field.description ?? t("sources.secretHint"))}
          autoComplete="new-password"
          value={text}
          onFocus={(e) => kept && e.currentTarget.select()}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          description={description}
          placeholder={placeholder ?? (field.kind === "url" ? "https://" : undefined)}
          type={field.kind === "url" ? "url" : "text"}
          maxLength={field.maxLength}
          value={text}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
      );
  }
}
