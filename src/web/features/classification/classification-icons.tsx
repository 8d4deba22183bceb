import { makeIcon } from "../../components/icons.tsx";

/** Icons only classification uses, in the style of `components/icons.tsx`. */
export const IconScale = makeIcon(
  "IconScale",
  <>
    <path d="M12 4v16M8 20h8" />
    <path d="M5 8h14M7 4.5l-2 3.5M5 8l-2.5 5.5a3 3 0 0 0 5 0zM19 8l-2.5 5.5a3 3 0 0 0 5 0zM19 8l-2-3.5" />
  </>,
);
export const IconCpu = makeIcon(
  "IconCpu",
  <>
    <rect x="6" y="6" width="12" height="12" rx="2" />
    <path d="M10 10h4v4h-4zM9 3v3M15 3v3M9 18v3M15 18v3M3 9h3M3 15h3M18 9h3M18 15h3" />
  </>,
);
export const IconCloud = makeIcon(
  "IconCloud",
  <>
    <path d="M7 18a4.5 4.5 0 0 1-.6-8.96A6 6 0 0 1 18 8.5a4.75 4.75 0 0 1-.5 9.5z" />
  </>,
);
export const IconTarget = makeIcon(
  "IconTarget",
  <>
    <circle cx="12" cy="12" r="8.5" />
    <circle cx="12" cy="12" r="4.5" />
    <circle cx="12" cy="12" r="1" />
  </>,
);
