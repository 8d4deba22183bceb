import { Paper } from "@mantine/core";
import { useParams } from "react-router";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentBrand } from "../brands/use-current-brand.ts";
import { MentionsPage } from "../mentions/mentions-page.tsx";
import { NotFoundPage } from "../shell/not-found-page.tsx";
import { BRAND_SECTIONS } from "./sections.ts";

/**
 * A brand section whose data collection is not built yet: an honest statement of what it will
 * hold and that nothing has been collected — no sample data.
 */
export function SectionPage() {
  const t = useT();
  const { section } = useParams();
  const { current } = useCurrentBrand();
  const definition = BRAND_SECTIONS.find((s) => s.slug === section);
  if (!definition || !current) return <NotFoundPage />;
  if (definition.slug === "mentions") return <MentionsPage />;
  const Icon = definition.icon;
  return (
    <>
      <PageHeader title={t(`nav.${definition.slug}`)} description={`${current.clientName} · ${current.name}`} />
      <Paper withBorder p="xl">
        <EmptyMessage
          icon={<Icon size={28} />}
          title={t("section.nothingYet", { brand: current.name })}
          description={t(`section.${definition.slug}.text`)}
          testId={`section-empty-${definition.slug}`}
        />
      </Paper>
    </>
  );
}
