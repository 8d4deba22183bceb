import { SimpleGrid, Stack } from "@mantine/core";
import { PageHeader } from "../../components/page-header.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { PasswordCard } from "./password-card.tsx";
import { ProfileCard } from "./profile-card.tsx";
import { SessionsCard } from "./sessions-card.tsx";
import { TokensCard } from "./tokens-card.tsx";

/** Settings → Account, for every user. */
export function AccountPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <ProfileCard />
          <SessionsCard />
        </Stack>
        <Stack gap="lg">
          <PasswordCard />
          <TokensCard />
        </Stack>
      </SimpleGrid>
    </>
  );
}
