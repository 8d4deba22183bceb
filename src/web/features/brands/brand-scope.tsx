import { Button, Paper } from "@mantine/core";
import { useEffect, useRef } from "react";
import { Link, Outlet } from "react-router";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconLock } from "../../components/icons.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/use-session.ts";
import { useUpdateMe } from "../me/use-update-me.ts";
import { useCurrentBrand } from "./use-current-brand.ts";

/**
 * `/b/:brandId/*`: only brands the user may see. Opening a brand by its address also makes it
 * the active brand, so the next visit starts there.
 */
export function BrandScope() {
  const t = useT();
  const user = useCurrentUser();
  const { current, isPending, brands } = useCurrentBrand();
  const { mutate } = useUpdateMe();
  const synced = useRef<string | null>(null);

  useEffect(() => {
    if (current && current.id !== user.activeBrandId && synced.current !== current.id) {
      synced.current = current.id;
      mutate({ activeBrandId: current.id });
    }
  }, [current, user.activeBrandId, mutate]);

  if (isPending || !brands) return <PageLoader />;
  if (!current) {
    return (
      <Paper withBorder p="xl" mt="md">
        <EmptyMessage
          icon={<IconLock size={28} />}
          title={t("brands.unavailableTitle")}
          description={t("brands.unavailableText")}
          testId="brand-unavailable"
          actions={
            <Button component={Link} to="/" variant="light">
              {t("common.goHome")}
            </Button>
          }
        />
      </Paper>
    );
  }
  return <Outlet />;
}
