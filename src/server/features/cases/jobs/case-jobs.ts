import type { TJobDefinition } from "../../../jobs/job.ts";
import { autoOpenCasesJob } from "./auto-open.job.ts";
import { notificationDigestJob } from "./digest.job.ts";
import { dispatchNotificationsJob } from "./dispatch.job.ts";
import { caseScreenshotsJob } from "./screenshots.job.ts";
import { caseSlaJob } from "./sla.job.ts";
import { deliverWebhooksJob } from "./webhooks.job.ts";

/** The negative-reviews jobs, for jobs/definitions.ts. */
export const caseJobs: TJobDefinition[] = [autoOpenCasesJob, caseScreenshotsJob, caseSlaJob, dispatchNotificationsJob, notificationDigestJob, deliverWebhooksJob];
