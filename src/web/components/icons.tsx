import type { ReactNode, SVGProps } from "react";

/** A small set of outline icons drawn in one style (24×24, 1.75 stroke, currentColor). */
export type TIconProps = Omit<SVGProps<SVGSVGElement>, "children"> & { size?: number };

export function makeIcon(name: string, paths: ReactNode) {
  function IconComponent({ size = 18, ...rest }: TIconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {paths}
      </svg>
    );
  }
  IconComponent.displayName = name;
  return IconComponent;
}

export const IconRadar = makeIcon(
  "IconRadar",
  <>
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="5" />
    <path d="M12 12l5.5-5.5" />
  </>,
);
export const IconMessage = makeIcon(
  "IconMessage",
  <>
    <path d="M20 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.1A8 8 0 1 1 20 12z" />
    <path d="M8.5 11h7M8.5 14h4" />
  </>,
);
export const IconAlertTriangle = makeIcon(
  "IconAlertTriangle",
  <>
    <path d="M10.3 4.3 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.3a2 2 0 0 0-3.4 0z" />
    <path d="M12 9.5v4M12 17h.01" />
  </>,
);
export const IconFileCheck = makeIcon(
  "IconFileCheck",
  <>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5M9 14.5l2 2 4-4" />
  </>,
);
export const IconCalendar = makeIcon(
  "IconCalendar",
  <>
    <rect x="4" y="5" width="16" height="16" rx="2" />
    <path d="M16 3v4M8 3v4M4 11h16M8 15h2M14 15h2" />
  </>,
);
export const IconChart = makeIcon(
  "IconChart",
  <>
    <path d="M4 20h16" />
    <path d="M7 16v-4M12 16V7M17 16v-7" />
  </>,
);
export const IconReport = makeIcon(
  "IconReport",
  <>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5M9 13h6M9 17h4" />
  </>,
);
export const IconSettings = makeIcon(
  "IconSettings",
  <>
    <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
    <circle cx="15" cy="6" r="2" />
    <circle cx="9" cy="12" r="2" />
    <circle cx="17" cy="18" r="2" />
  </>,
);
export const IconUser = makeIcon(
  "IconUser",
  <>
    <circle cx="12" cy="8" r="4" />
    <path d="M6 21v-1.5A4.5 4.5 0 0 1 10.5 15h3a4.5 4.5 0 0 1 4.5 4.5V21" />
  </>,
);
export const IconUsers = makeIcon(
  "IconUsers",
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M3 20v-1a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v1M16 4.5a3.5 3.5 0 0 1 0 7M21 20v-1a4 4 0 0 0-3-3.9" />
  </>,
);
export const IconLogout = makeIcon(
  "IconLogout",
  <>
    <path d="M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2" />
    <path d="M9 12h12M18 9l3 3-3 3" />
  </>,
);
export const IconCopy = makeIcon(
  "IconCopy",
  <>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </>,
);
export const IconCheck = makeIcon("IconCheck", <path d="M5 12l5 5L20 7" />);
export const IconTrash = makeIcon(
  "IconTrash",
  <path d="M4 7h16M10 11v6M14 11v6M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />,
);
export const IconPencil = makeIcon(
  "IconPencil",
  <>
    <path d="M4 20h4L18.5 9.5a2.1 2.1 0 0 0-4-4L4 16v4z" />
    <path d="M13.5 6.5l4 4" />
  </>,
);
export const IconPlus = makeIcon("IconPlus", <path d="M12 5v14M5 12h14" />);
export const IconX = makeIcon("IconX", <path d="M18 6L6 18M6 6l12 12" />);
export const IconRefresh = makeIcon(
  "IconRefresh",
  <>
    <path d="M20 11A8 8 0 0 0 5.3 7.5M4 4v4h4" />
    <path d="M4 13a8 8 0 0 0 14.7 3.5M20 20v-4h-4" />
  </>,
);
export const IconBuilding = makeIcon(
  "IconBuilding",
  <path d="M3 21h18M5 21V5a2 2 0 0 1 2-2h6a2 2 0 0 1 2 2v16M15 9h4a2 2 0 0 1 2 2v10M9 7h2M9 11h2M9 15h2" />,
);
export const IconMail = makeIcon(
  "IconMail",
  <>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3 7l9 6 9-6" />
  </>,
);
export const IconHistory = makeIcon(
  "IconHistory",
  <>
    <path d="M12 8v4l2.5 2.5" />
    <path d="M3.05 11a9 9 0 1 1 .5 4M3 20v-5h5" />
  </>,
);
export const IconStack = makeIcon(
  "IconStack",
  <>
    <path d="M12 4l8 4-8 4-8-4z" />
    <path d="M4 12l8 4 8-4M4 16l8 4 8-4" />
  </>,
);
export const IconKey = makeIcon(
  "IconKey",
  <>
    <circle cx="8" cy="15" r="4" />
    <path d="M11 12l9-9M17 6l3 3M14.5 8.5l2 2" />
  </>,
);
export const IconInbox = makeIcon(
  "IconInbox",
  <>
    <path d="M4 13h4l2 3h4l2-3h4" />
    <path d="M4 13l2.5-7.5A2 2 0 0 1 8.4 4h7.2a2 2 0 0 1 1.9 1.5L20 13v5a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z" />
  </>,
);
export const IconLock = makeIcon(
  "IconLock",
  <>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </>,
);
export const IconChevronDown = makeIcon("IconChevronDown", <path d="M6 9l6 6 6-6" />);
export const IconMapPin = makeIcon(
  "IconMapPin",
  <>
    <circle cx="12" cy="10" r="3" />
    <path d="M12 21s-7-6.1-7-11a7 7 0 0 1 14 0c0 4.9-7 11-7 11z" />
  </>,
);

/** The Repute mark: a rounded square with an R whose leg points forward. */
export function ReputeMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-repute-7)" />
      <path
        d="M11 23V9h6.5a5 5 0 0 1 0 10H11m6.5 0 4.5 4"
        stroke="white"
        strokeWidth="2.6"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
