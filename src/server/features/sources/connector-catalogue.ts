import { z } from "zod";
import type { TConnector, TConnectorCapabilities, TSourceKind } from "../../connectors/connector.ts";

import { allConnectors } from "../../connectors/registry.ts";

/** Every sources use case looks connectors up in the registry (built-in and registered ones). */
export { allConnectors, findConnector as lookupConnector, registerConnector } from "../../connectors/registry.ts";

export type TConnectorView = {
  id: string;
  title: { en: string; ru: string };
  sourceKind: TSourceKind;
  capabilities: TConnectorCapabilities;
  defaultIntervalMinutes: number;
  secretFields: string[];
  /** JSON Schema (2020-12) of the config as a person enters it: defaults shown, not required. */
  configSchema: Record<string, unknown>;
};

const schemaCache = new WeakMap<z.ZodType, Record<string, unknown>>();

/**
 * The config's input side as JSON Schema, so a form can be drawn from it. Transforms and
 * refinements cannot be expressed there and are left out: the server validates anyway.
 */
export function configJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const cached = schemaCache.get(schema);
  if (cached) return cached;
  let json: Record<string, unknown>;
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    json = rest;
  } catch {
    json = { type: "object" };
  }
  schemaCache.set(schema, json);
  return json;
}

export function connectorView(connector: TConnector): TConnectorView {
  return {
    id: connector.id,
    title: connector.title,
    sourceKind: connector.sourceKind,
    capabilities: connector.capabilities,
    defaultIntervalMinutes: connector.defaultIntervalMinutes,
    secretFields: [...connector.secretFields],
    configSchema: configJsonSchema(connector.configSchema),
  };
}

export function connectorCatalogue(): TConnectorView[] {
  return allConnectors()
    .map(connectorView)
    .sort((a, b) => a.title.en.localeCompare(b.title.en));
}
