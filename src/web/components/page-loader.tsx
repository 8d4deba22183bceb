import { Center, Loader } from "@mantine/core";
import { useT } from "../i18n/i18n-context.tsx";

export function PageLoader(props: { fullScreen?: boolean }) {
  const t = useT();
  return (
    <Center h={props.fullScreen ? "100vh" : 240} aria-busy="true" aria-label={t("common.loading")}>
      <Loader size="md" />
    </Center>
  );
}
