import { approvalRoutes } from "./approval/approval.routes.ts";
import { caseWorkRoutes } from "./case-work.routes.ts";
import { casesRoutes } from "./cases.routes.ts";
import { chatRoutes } from "./chat/chat.routes.ts";
import { eventsRoutes } from "./live/events.routes.ts";
import { notificationsRoutes } from "./notify/notifications.routes.ts";
import { templatesRoutes } from "./templates/templates.routes.ts";
import { webhooksRoutes } from "./webhooks/webhooks.routes.ts";

/** Every route group of the negative-reviews workflow, for http/app.ts. */
export const caseRouteGroups = [casesRoutes, caseWorkRoutes, chatRoutes, templatesRoutes, webhooksRoutes, notificationsRoutes, eventsRoutes, approvalRoutes];
