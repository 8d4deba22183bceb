import { chmodSync, existsSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TAppContext } from "../context.ts";
import { errorMessage } from "../lib/errors.ts";
import type { TCommandIo } from "./io.ts";

/**
 * While `repute start` owns an embedded data directory, shell commands cannot open it; they
 * send their arguments over this Unix socket (mode 0600, inside the data directory) and the
 * owner runs the same command with its own database. One JSON line in, JSON lines out.
 */
export const controlSocketPath = (dataDir: string): string => path.join(dataDir, "control.sock");

type TRequest = { argv: string[]; cwd: string; interactive?: boolean };
type TMessage = { out: string } | { err: string } | { progress: string } | { exit: number };

export type TRunForwarded = (app: TAppContext, argv: string[], io: TCommandIo) => Promise<number>;

export function serveControlChannel(app: TAppContext, run: TRunForwarded): { close(): Promise<void> } {
  const socketPath = controlSocketPath(app.config.dataDir);
  if (existsSync(socketPath)) rmSync(socketPath); // left by a killed owner; the data-dir lock proves it is ours now
  const server = net.createServer((socket) => {
    let buffer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf("\n");
      if (newline < 0) return;
      const line = buffer.slice(0, newline);
      socket.removeAllListeners("data");
      const send = (message: TMessage) => socket.write(`${JSON.stringify(message)}\n`);
      let request: TRequest;
      try {
        request = JSON.parse(line) as TRequest;
        if (!Array.isArray(request.argv) || typeof request.cwd !== "string") throw new Error("bad request");
      } catch {
        send({ err: "malformed control request" });
        send({ exit: 2 });
        socket.end();
        return;
      }
      const io: TCommandIo = {
        out: (text) => send({ out: text }),
        err: (text) => send({ err: text }),
        progress: (text) => send({ progress: text }),
        cwd: request.cwd,
        interactive: request.interactive === true,
      };
      run(app, request.argv, io)
        .catch((error: unknown) => {
          io.err(errorMessage(error));
          return 1;
        })
        .then((code) => {
          send({ exit: code });
          socket.end();
        });
    });
    socket.on("error", () => undefined);
  });
  server.listen(socketPath);
  server.on("listening", () => chmodSync(socketPath, 0o600));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/** Sends a command to the running owner; resolves to its exit code. */
export function forwardCommand(dataDir: string, argv: string[], io: TCommandIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(controlSocketPath(dataDir));
    let buffer = "";
    let code: number | undefined;
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`${JSON.stringify({ argv, cwd: io.cwd, interactive: io.interactive } satisfies TRequest)}\n`));
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const message = JSON.parse(buffer.slice(0, newline)) as TMessage;
        buffer = buffer.slice(newline + 1);
        if ("out" in message) io.out(message.out);
        else if ("err" in message) io.err(message.err);
        else if ("progress" in message) io.progress(message.progress);
        else code = message.exit;
        newline = buffer.indexOf("\n");
      }
    });
    socket.on("error", (error) => reject(new Error(`Cannot reach the running Repute process: ${error.message}`)));
    socket.on("close", () => (code === undefined ? reject(new Error("The running Repute process closed the connection")) : resolve(code)));
  });
}
