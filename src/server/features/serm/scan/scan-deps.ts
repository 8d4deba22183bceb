import type { TAppContext } from "../../../context.ts";
import { putBlob } from "../../blobs/queries.ts";
import { openScanBrowser } from "./browser.ts";
import type { TScanDeps } from "./run-scan.ts";
import { defaultSnippetClassifier } from "./snippet-sentiment.ts";

/** What a scan runs with in production: the built-in classifier, a browser of its own, the brand's blob store. */
export function defaultScanDeps(app: TAppContext): TScanDeps {
  return { classifier: defaultSnippetClassifier(), openBrowser: () => openScanBrowser(app), putBlob };
}
