import { Button, Code, Spoiler, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { TFailedJob } from "../../api/types.ts";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { TablePanel } from "../../components/table-panel.tsx";
import { IconCheck, IconRefresh, IconStack } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useFailedJobs, useJobQueues, useRetryJob } from "./use-jobs.ts";

/** Settings → Background jobs: queue counts and schedules, failed jobs with Retry. */
export function JobsPage() {
  const t = useT();
  const format = useFormat();
  const queues = useJobQueues();
  const failed = useFailedJobs();

  const count = (value: number, tone?: string) => (
    <Text size="sm" ta="right" c={value > 0 ? tone : "dimmed"} ff="monospace">
      {format.number(value)}
    </Text>
  );

  return (
    <>
      <PageHeader title={t("jobs.title")} description={t("jobs.description")} />
      <Stack gap="xl">
        <QueryState query={queues}>
          {(list) =>
            <TablePanel isEmpty={list.length === 0} empty={{ icon: <IconStack size={20} />, title: t("jobs.noQueues") }} minWidth={820}>
              <Table data-testid="queues-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("jobs.queue")}</Table.Th>
                    <Table.Th>{t("jobs.schedule")}</Table.Th>
                    <Table.Th ta="right">{t("jobs.queued")}</Table.Th>
                    <Table.Th ta="right">{t("jobs.active")}</Table.Th>
                    <Table.Th ta="right">{t("jobs.failed")}</Table.Th>
                    <Table.Th ta="right">{t("jobs.total")}</Table.Th>
                    <Table.Th ta="right">{t("jobs.retryLimit")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((queue) => (
                    <Table.Tr key={queue.name} data-testid="queue-row">
                      <Table.Td>
                        <Code fz="xs">{queue.name}</Code>
                        {queue.deadLetterOf && (
                          <Text size="xs" c="dimmed" mt={2}>
                            {t("jobs.deadLetterOf", { queue: queue.deadLetterOf })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {queue.cron ? (
                          <Code fz="xs">{queue.cron}</Code>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t("jobs.onDemand")}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{count(queue.queued)}</Table.Td>
                      <Table.Td>{count(queue.active, "blue")}</Table.Td>
                      <Table.Td>{count(queue.failed, "red")}</Table.Td>
                      <Table.Td>{count(queue.total)}</Table.Td>
                      <Table.Td>{count(queue.retryLimit)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TablePanel>
          }
        </QueryState>
        <div>
          <Title order={4} mb="sm">
            {t("jobs.failedTitle")}
          </Title>
          <QueryState query={failed}>
            {(jobs) =>
              <TablePanel isEmpty={jobs.length === 0} empty={{ icon: <IconCheck size={20} />, title: t("jobs.noFailed"), testId: "failed-jobs-empty" }} minWidth={860}>
                <Table data-testid="failed-jobs-table" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={220}>{t("jobs.job")}</Table.Th>
                      <Table.Th w={170}>{t("jobs.failedAt")}</Table.Th>
                      <Table.Th w={90} ta="right">
                        {t("jobs.attempts")}
                      </Table.Th>
                      <Table.Th>{t("jobs.error")}</Table.Th>
                      <Table.Th w={130} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {jobs.map((job) => (
                      <FailedJobRow key={`${job.queue}/${job.id}`} job={job} />
                    ))}
                  </Table.Tbody>
                </Table>
              </TablePanel>
            }
          </QueryState>
        </div>
      </Stack>
    </>
  );
}

function FailedJobRow({ job }: { job: TFailedJob }) {
  const t = useT();
  const format = useFormat();
  const retry = useRetryJob();
  const [retried, setRetried] = useState(false);
  return (
    <Table.Tr data-testid="failed-job-row">
      <Table.Td>
        <Code fz="xs">{job.queue}</Code>
        <Text size="xs" c="dimmed" ff="monospace" truncate maw={200} title={job.id}>
          {job.id}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>{format.dateTime(job.failedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ta="right">
          {format.number(job.attempts)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Spoiler maxHeight={44} showLabel="…" hideLabel="↑">
          <Text size="xs" ff="monospace" c="red.8" className="break-anywhere" style={{ whiteSpace: "pre-wrap" }}>
            {job.error || t("common.none")}
          </Text>
        </Spoiler>
        {retry.error !== null && <ErrorAlert error={retry.error} />}
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant={retried ? "light" : "default"}
          leftSection={retried ? <IconCheck size={14} /> : <IconRefresh size={14} />}
          loading={retry.isPending}
          disabled={retried}
          onClick={() => retry.mutate({ queue: job.queue, id: job.id }, { onSuccess: () => setRetried(true) })}
          data-testid="job-retry"
        >
          {retried ? t("jobs.retried") : t("common.retry")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
