// Runs in: its own process, started by the server benchmark. A bare Hocuspocus (no database, no
// auth, no Redis) on a free 127.0.0.1 port: the echo baseline.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(`bare Hocuspocus listening on ws://127.0.0.1:${server.address.port}`);
