import { Alert, Text } from "@mantine/core";
import { isApiError, type ApiError } from "../api/api-error.ts";
import type { TMessageKey } from "../i18n/en.ts";
import { useT, type TTranslate } from "../i18n/i18n-context.tsx";
import { IconAlertTriangle } from "./icons.tsx";

/** The server's message for one form field, to show under that field. */
export function fieldError(error: unknown, path: string): string | undefined {
  return isApiError(error) ? error.fieldMessage(path) : undefined;
}

/** A translated sentence for any failure. */
export function errorSummary(t: TTranslate, error: unknown): string {
  if (isApiError(error)) return t(`error.${error.code}` satisfies TMessageKey);
  return t("error.internal");
}

/** Server detail worth showing next to the translated summary (conflicts, refusals). */
function serverDetail(error: ApiError, formFields: readonly string[]): string | undefined {
  if (error.code === "validation_failed") {
    const unplaced = error.fields.filter((f) => !formFields.includes(f.path));
    if (error.fields.length > 0 && unplaced.length === 0) return undefined;
    return unplaced.length > 0 ? unplaced.map((f) => `${f.path}: ${f.message}`).join("; ") : error.message;
  }
  if (error.code === "conflict" || error.code === "forbidden" || error.code === "payload_too_large") return error.message;
  return undefined;
}

/**
 * The form-level error: a translated summary, plus what the server said when it cannot be
 * shown next to a field. Renders nothing when every problem is already shown at its field.
 */
export function ErrorAlert(props: { error: unknown; formFields?: readonly string[]; title?: string }) {
  const t = useT();
  const { error, formFields = [] } = props;
  if (!error) return null;
  const detail = isApiError(error) ? serverDetail(error, formFields) : undefined;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={props.title} role="alert" data-testid="error-alert">
      <Text size="sm">{errorSummary(t, error)}</Text>
      {detail && (
        <Text size="sm" c="dimmed" mt={4} className="break-anywhere">
          {t("error.serverSaid", { message: detail })}
        </Text>
      )}
    </Alert>
  );
}
