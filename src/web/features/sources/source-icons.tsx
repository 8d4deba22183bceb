import type { ReactNode, SVGProps } from "react";

/** Icons only the sources and semantic-core pages use, drawn like `components/icons.tsx`. */
type TProps = Omit<SVGProps<SVGSVGElement>, "children"> & { size?: number };

function Svg({ size = 18, children, ...rest }: TProps & { children: ReactNode }) {
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
      {children}
    </svg>
  );
}

export const IconPlay = (props: TProps) => (
  <Svg {...props}>
    <path d="M7 4.5v15l12-7.5z" />
  </Svg>
);
export const IconPause = (props: TProps) => (
  <Svg {...props}>
    <path d="M8 5v14M16 5v14" />
  </Svg>
);
export const IconPlug = (props: TProps) => (
  <Svg {...props}>
    <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" />
  </Svg>
);
export const IconWand = (props: TProps) => (
  <Svg {...props}>
    <path d="M4 20 15 9M14 4v2M18 8h2M18 4l-1.5 1.5M10 4.5l.5 1M19.5 13l-1-.5" />
  </Svg>
);
export const IconBook = (props: TProps) => (
  <Svg {...props}>
    <path d="M5 4.5A1.5 1.5 0 0 1 6.5 3H19v15H6.5A1.5 1.5 0 0 0 5 19.5zM5 19.5A1.5 1.5 0 0 0 6.5 21H19" />
  </Svg>
);
