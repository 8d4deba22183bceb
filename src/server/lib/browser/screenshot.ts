import type { Page } from "playwright-core";

/** Taller pages are cut here: a screenshot is evidence of what a person sees, not an archive. */
export const MAX_SCREENSHOT_HEIGHT = 10_000;

export type TImageFormat = "png" | "jpeg";
export type TCaptureOptions = { width: number; fullPage: boolean; format: TImageFormat };

const JPEG_QUALITY = 85;

/** The viewport, or the whole page up to MAX_SCREENSHOT_HEIGHT, always exactly `width` wide. */
export async function capture(page: Page, options: TCaptureOptions): Promise<{ image: Buffer; mime: string }> {
  const quality = options.format === "jpeg" ? JPEG_QUALITY : undefined;
  const common = { type: options.format, quality, animations: "disabled", caret: "hide" } as const;
  let image: Buffer;
  if (options.fullPage) {
    const height = Math.min(Math.max(await contentHeight(page), 1), MAX_SCREENSHOT_HEIGHT);
    image = await page.screenshot({ ...common, fullPage: true, clip: { x: 0, y: 0, width: options.width, height } });
  } else {
    image = await page.screenshot({ ...common, fullPage: false });
  }
  return { image, mime: options.format === "jpeg" ? "image/jpeg" : "image/png" };
}

/** From the layout itself (DevTools protocol), so it works with JavaScript disabled. */
async function contentHeight(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    const metrics = await session.send("Page.getLayoutMetrics");
    return Math.ceil(metrics.cssContentSize.height);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
