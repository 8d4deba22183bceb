import { sermConfigRoutes } from "./config/serm-config.routes.ts";
import { sermReportsRoutes } from "./reports/serm-reports.routes.ts";
import { sermScansRoutes } from "./scan/serm-scans.routes.ts";

/** Every route of the reputation environment, under /api/brands/{brandId}/serm (docs/API.md). */
export const sermRouteGroups = [sermConfigRoutes, sermScansRoutes, sermReportsRoutes];
