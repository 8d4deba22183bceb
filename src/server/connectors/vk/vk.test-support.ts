import type { TReplayRequest, TReplayResponse } from "../test-kit.ts";
import { type TVkConfig, vkConfigSchema } from "./vk.config.ts";

/** Shared by the VK tests: a token to look for in messages, configs, VK's error envelope. */
export const TOKEN = "vk1.a.NorthwindSecretToken_0123456789abcdef";
export const GROUP_ID = 987654;
/** testConnectorContext's clock, 2026-11-20T12:00:00Z, in unix seconds. */
export const NOW = 1795176000;

export function searchConfig(baseUrl: string, extra: Partial<TVkConfig> = {}): TVkConfig {
  return vkConfigSchema.parse({ mode: "search", accessToken: TOKEN, query: "Нортвинд Банк", baseUrl, ...extra });
}

export function communityConfig(baseUrl: string, extra: Partial<TVkConfig> = {}): TVkConfig {
  return vkConfigSchema.parse({ mode: "community", accessToken: TOKEN, groupId: GROUP_ID, baseUrl, ...extra });
}

export function vkError(code: number, message: string): TReplayResponse {
  return {
    body: {
      error: {
        error_code: code,
        error_msg: message,
        request_params: [
          { key: "method", value: "wall.get" },
          { key: "oauth", value: "1" },
          { key: "v", value: "5.131" },
        ],
      },
    },
  };
}

/** Answers `/method/<name>` with `routes[name]`; anything else is a test bug and a 404. */
export function vkRoutes(routes: Record<string, (req: TReplayRequest) => TReplayResponse>) {
  return (req: TReplayRequest): TReplayResponse => {
    const method = /^\/method\/([\w.]+)$/.exec(req.path)?.[1];
    const route = method ? routes[method] : undefined;
    return route ? route(req) : { status: 404, body: { error: `no route for ${req.path}` } };
  };
}

export const methodOf = (req: TReplayRequest): string => req.path.replace("/method/", "");
