// A browser-mode web server in its own process, for tests that must see whether bad input kills the process.
// Started with `node --import tsx test/unit/webServerProcess.ts WORKSPACE STATIC_DIR`; prints one JSON line
// {port, token, pid} once listening. Each line read on stdin ('rss') is answered with {rss} (bytes), so a test
// can watch memory without platform-specific process tables.
import { createInterface } from 'node:readline';
import { Core } from '../../electron/core/core.js';
import { startWebServer } from '../../electron/server/webServer.js';

const [workspaceDir, staticDir] = process.argv.slice(2);
if (!workspaceDir || !staticDir) throw new Error('usage: webServerProcess.ts WORKSPACE STATIC_DIR');
const core = new Core({ workspaceDir, mode: 'browser' });
const server = await startWebServer({ core, staticDir, log: (m) => process.stderr.write(`${m}\n`) });
process.stdout.write(`${JSON.stringify({ port: server.port, token: server.token, pid: process.pid })}\n`);
createInterface({ input: process.stdin }).on('line', () => {
  process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss })}\n`);
});
process.stdin.on('end', () => {
  void server.close().then(() => core.close());
});
