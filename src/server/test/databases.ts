import { randomBytes } from "node:crypto";
import pg from "pg";
import { type TDatabase, openDatabase } from "../db/client.ts";

/**
 * Service tests run on a fresh in-memory PGlite always, and on a fresh database of the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (CI sets it).
 */
export type TTestDatabaseKind = "pglite" | "postgres";

export const testDatabaseKinds: TTestDatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TTestDatabase = { database: TDatabase; connectionString: string | undefined; drop(): Promise<void> };

export async function openTestDatabase(kind: TTestDatabaseKind): Promise<TTestDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ kind: "pglite", dataDir: undefined });
    return { database, connectionString: undefined, drop: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `repute_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const database = await openDatabase({ kind: "postgres", connectionString, poolSize: 5 });
  return {
    database,
    connectionString,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
