import { Alert, Paper, Stack } from "@mantine/core";
import type { TBrand } from "../../api/types.ts";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useSettingsBrand } from "../sources/use-settings-brand.ts";
import { AccuracyCard } from "./accuracy-card.tsx";
import { IconScale } from "./classification-icons.tsx";
import { ModelCard } from "./model-card.tsx";
import { ProviderCard } from "./provider-card.tsx";
import { useClassificationSettings } from "./use-classification.ts";

/**
 * Settings → Classification for the brand chosen in the switcher: the built-in model and its
 * adjustment to the brand, the machine's accuracy on verified mentions, the optional external
 * model. Client roles see it; agency roles change it.
 */
export function ClassificationSettingsPage() {
  const t = useT();
  const { brand, canWork, isPending } = useSettingsBrand();
  if (isPending) return <PageLoader />;
  if (!brand)
    return (
      <>
        <PageHeader title={t("classification.tab")} />
        <Paper withBorder p="lg">
          <EmptyMessage compact icon={<IconScale size={20} />} title={t("classification.noBrand")} />
        </Paper>
      </>
    );
  return <BrandClassification key={brand.id} brand={brand} canWork={canWork} />;
}

function BrandClassification({ brand, canWork }: { brand: TBrand; canWork: boolean }) {
  const t = useT();
  const settings = useClassificationSettings(brand.id);
  return (
    <>
      <PageHeader title={t("classification.title", { brand: brand.name })} description={t("classification.description")} />
      {!canWork && (
        <Alert variant="light" color="gray" mb="lg">
          {t("classification.notAgency", { brand: brand.name })}
        </Alert>
      )}
      <QueryState query={settings}>
        {(data) => (
          <Stack gap="lg">
            <ModelCard brand={brand} settings={data} canWork={canWork} />
            <AccuracyCard brandId={brand.id} />
            <ProviderCard brand={brand} settings={data} canWork={canWork} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
