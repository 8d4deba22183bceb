import { makeIcon } from "../../components/icons.tsx";

/** Icons only the sources and semantic-core pages use, in the style of `components/icons.tsx`. */
export const IconPlay = makeIcon(
  "IconPlay",
  <>
    <path d="M7 4.5v15l12-7.5z" />
  </>,
);
export const IconPause = makeIcon(
  "IconPause",
  <>
    <path d="M8 5v14M16 5v14" />
  </>,
);
export const IconPlug = makeIcon(
  "IconPlug",
  <>
    <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" />
  </>,
);
export const IconWand = makeIcon(
  "IconWand",
  <>
    <path d="M4 20 15 9M14 4v2M18 8h2M18 4l-1.5 1.5M10 4.5l.5 1M19.5 13l-1-.5" />
  </>,
);
export const IconBook = makeIcon(
  "IconBook",
  <>
    <path d="M5 4.5A1.5 1.5 0 0 1 6.5 3H19v15H6.5A1.5 1.5 0 0 0 5 19.5zM5 19.5A1.5 1.5 0 0 0 6.5 21H19" />
  </>,
);
