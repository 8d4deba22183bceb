import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { LocaleRoot } from "./locale-root.tsx";
import { createQueryClient } from "./query-client.ts";
import { theme } from "./theme.ts";

export function AppProviders(props: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocaleRoot>{props.children}</LocaleRoot>
      </MantineProvider>
    </QueryClientProvider>
  );
}
