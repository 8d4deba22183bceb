import { Button, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { ErrorAlert } from "./api-errors.tsx";
import { PageLoader } from "./page-loader.tsx";

type TQueryLike<T> = { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };

/** Loading spinner, error with retry, or the content once the data is there. */
export function QueryState<T>(props: { query: TQueryLike<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  const { query } = props;
  if (query.isPending) return <PageLoader />;
  if (query.data === undefined) {
    return (
      <Stack align="flex-start" gap="sm">
        <ErrorAlert error={query.error} />
        <Button variant="default" size="xs" onClick={() => void query.refetch()}>
          {t("common.tryAgain")}
        </Button>
      </Stack>
    );
  }
  return <>{props.children(query.data)}</>;
}
