import { Badge, Group, Tooltip } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { shownAspects } from "./label-origin.ts";
import type { TAspect } from "./types.ts";

/** What the mention talks about (service, price, delivery…), as small chips; nothing for "other". */
export function AspectChips({ aspects }: { aspects: readonly TAspect[] }) {
  const t = useT();
  const shown = shownAspects(aspects);
  if (shown.length === 0) return null;
  return (
    <Tooltip label={t("mentions.aspects.label")} withArrow openDelay={300}>
      <Group gap={4} wrap="wrap" data-testid="mention-aspects">
        {shown.map((aspect) => (
          <Badge key={aspect} size="sm" radius="xl" variant="light" color="blue" style={{ textTransform: "none" }} data-aspect={aspect}>
            {t(`mentions.aspect.${aspect}` satisfies TMessageKey)}
          </Badge>
        ))}
      </Group>
    </Tooltip>
  );
}
