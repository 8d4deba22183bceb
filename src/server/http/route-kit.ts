import { z } from "@hono/zod-openapi";

/** The error envelope every failing route returns. */
export const ZError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ZError } } });

export const errors = {
  400: errorResponse("Invalid input; `fields` names each bad field"),
  401: errorResponse("Not signed in"),
  403: errorResponse("CSRF token missing or wrong"),
  404: errorResponse("Not found, or not yours"),
  409: errorResponse("Conflicts with the current state"),
  413: errorResponse("Body too large"),
  429: errorResponse("Rate limited; see Retry-After"),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonOk = <T extends z.ZodType>(schema: T, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

export const noContent = { description: "Done" } as const;

export const ZUuid = z.string().uuid();
export const ZLocale = z.enum(["ru", "en"]);
export const ZRole = z.enum(["admin", "specialist", "client_approver", "client_viewer"]);
export const ZEmail = z.string().trim().toLowerCase().email().max(254);
export const ZPassword = z.string().min(10).max(200);
export const ZName = z.string().trim().min(1).max(200);

export const brandParams = z.object({ brandId: ZUuid.openapi({ param: { name: "brandId", in: "path" } }) });
export const cookieOrBearer = [{ cookie: [] }, { bearer: [] }];
