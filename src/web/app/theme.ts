import { createTheme, type MantineColorsTuple } from "@mantine/core";

/** A calm deep teal: trustworthy without the usual corporate blue. */
const repute: MantineColorsTuple = [
  "#e7f6f3",
  "#d3ebe6",
  "#a8d6cc",
  "#79c0b0",
  "#52ad99",
  "#39a18b",
  "#2a9b83",
  "#1b8771",
  "#0e7864",
  "#006855",
];

export const theme = createTheme({
  primaryColor: "repute",
  primaryShade: 7,
  colors: { repute },
  defaultRadius: "md",
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif',
  headings: { fontWeight: "650" },
  components: {
    Table: { defaultProps: { verticalSpacing: "sm", highlightOnHover: true } },
    Card: { defaultProps: { withBorder: true, radius: "md", padding: "lg" } },
    Paper: { defaultProps: { radius: "md" } },
  },
});
