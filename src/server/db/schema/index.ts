export * from "./accounts.ts";
export * from "./audit.ts";
export * from "./monitoring.ts";
export * from "./classification.ts";
export * from "./serm.ts";
export * from "./cases.ts";
export * from "./blobs.ts";
