import { type TIconProps, makeIcon } from "../../components/icons.tsx";

/** Icons only the mentions feed uses, in the style of `components/icons.tsx`. */
export const IconSearch = makeIcon(
  "IconSearch",
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20 20l-4.2-4.2" />
  </>,
);
export const IconExternal = makeIcon(
  "IconExternal",
  <>
    <path d="M14 4h6v6M20 4l-9 9" />
    <path d="M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
  </>,
);
export const IconHeart = makeIcon(
  "IconHeart",
  <>
    <path d="M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.4 4.2 4.2 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" />
  </>,
);
export const IconEye = makeIcon(
  "IconEye",
  <>
    <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
    <circle cx="12" cy="12" r="2.75" />
  </>,
);
export const IconEyeOff = makeIcon(
  "IconEyeOff",
  <>
    <path d="M4 4l16 16M10.6 6A9.7 9.7 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-2.6 3.4M6.6 7.6A15.6 15.6 0 0 0 2.5 12S6 18.5 12 18.5a9 9 0 0 0 4.3-1.1" />
    <path d="M10 10.2a2.75 2.75 0 0 0 3.8 3.8" />
  </>,
);
export const IconShare = makeIcon(
  "IconShare",
  <>
    <path d="M14 5l6 6-6 6M20 11H10a6 6 0 0 0-6 6v1" />
  </>,
);
export const IconComment = makeIcon(
  "IconComment",
  <>
    <path d="M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-8l-4 3.5V16H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z" />
  </>,
);
export const IconTag = makeIcon(
  "IconTag",
  <>
    <path d="M3.5 12.2V4.5a1 1 0 0 1 1-1h7.7l8.3 8.3a1.5 1.5 0 0 1 0 2.1l-6.1 6.1a1.5 1.5 0 0 1-2.1 0z" />
    <circle cx="8" cy="8" r="1.25" />
  </>,
);
export const IconCopies = makeIcon(
  "IconCopies",
  <>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </>,
);
export const IconFilterOff = makeIcon(
  "IconFilterOff",
  <>
    <path d="M4 5h16l-6 7.5V19l-4-2v-4.5z" />
    <path d="M3 3l18 18" />
  </>,
);
export const IconHelp = makeIcon(
  "IconHelp",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.6v.3M12 17h.01" />
  </>,
);
export const IconMailOpen = makeIcon(
  "IconMailOpen",
  <>
    <path d="M4 10l8-6 8 6v9a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z" />
    <path d="M4 10l8 5.5 8-5.5" />
  </>,
);
const face = (mouth: string) => (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9 9.5h.01M15 9.5h.01" />
    <path d={mouth} />
  </>
);
const FACES = {
  positive: makeIcon("IconMoodPositive", face("M8.5 14a4 4 0 0 0 7 0")),
  neutral: makeIcon("IconMoodNeutral", face("M9 15h6")),
  negative: makeIcon("IconMoodNegative", face("M8.5 16.5a4 4 0 0 1 7 0")),
};
/** A face whose mouth shows the sentiment. */
export const IconMood = ({ mood, ...p }: TIconProps & { mood: "positive" | "neutral" | "negative" }) => {
  const Face = FACES[mood];
  return <Face {...p} />;
};
export const IconKeyboard = makeIcon(
  "IconKeyboard",
  <>
    <rect x="3" y="6" width="18" height="12" rx="2" />
    <path d="M7 10h.01M11 10h.01M15 10h.01M7 14h10" />
  </>,
);
