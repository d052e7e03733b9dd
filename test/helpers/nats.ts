/** A real nats-server with JetStream on a free loopback port, in a temporary directory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tempDir } from './cli.ts';

export interface NatsServer {
  readonly url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

export async function startNats(): Promise<NatsServer> {
  const dir = await tempDir('rq-nats-');
  const port = await freePort();
  const child: ChildProcess = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`nats-server did not start (${e.message}); install it (apt-get install nats-server)`)));
  });
  const end = Date.now() + 15_000;
  while (!(await Promise.race([accepts(port), failed]))) {
    if (Date.now() > end) throw new Error('nats-server did not accept connections within 15 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
