/** Runs `npm run edit`'s script on a stories folder, as a user would start it, for the editor's tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningEditor {
  /** The link the terminal prints: the editor's address with its token. */
  link: string;
  origin: string;
  port: number;
  /** Stops it as Ctrl+C would; `kill` stops it at once, as a crash would. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** A port nothing listens on now, so that a restarted editor can take the same one again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export async function startEditor(root: string, port = 0): Promise<RunningEditor> {
  const child: ChildProcess = spawn(
    process.execPath,
    // One process (tsx as a loader, not its CLI, which runs the script in a child): a kill stops
    // the server itself.
    ['--import', 'tsx', 'scripts/edit.ts', '--port', String(port), '--root', root],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const link = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the editor did not start:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Open (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`the editor exited (${code}):\n${output}`)));
  });
  const url = new URL(link);
  return {
    link,
    origin: url.origin,
    port: Number(url.port),
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
