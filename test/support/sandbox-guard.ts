// A preload (`node --import <this file's URL>`) for the trust tests: every way Node has to start
// a process or reach the network is replaced by one that writes `SANDBOX-GUARD: <what>` to
// stderr and throws. A Bloomline process run under it that prints no such line has started
// nothing and connected nowhere. (The language server's stdio and Node's own IPC channel are
// not touched: they are how a client talks to it.)
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import tls from 'node:tls';

function blocked(what: string): never {
  const message = `SANDBOX-GUARD: ${what}`;
  process.stderr.write(`${message}\n`);
  throw new Error(message);
}

function guard(target: object, names: string[], label: string): void {
  for (const name of names) {
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: () => blocked(`${label}.${name}`),
    });
  }
}

guard(
  childProcess,
  ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  'child_process',
);
guard(net, ['connect', 'createConnection'], 'net');
guard(net.Socket.prototype, ['connect'], 'net.Socket');
guard(tls, ['connect'], 'tls');
guard(dgram, ['createSocket'], 'dgram');
guard(http, ['request', 'get'], 'http');
guard(https, ['request', 'get'], 'https');
guard(dns, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'], 'dns');
guard(dns.promises, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'], 'dns.promises');
guard(globalThis, ['fetch', 'WebSocket'], 'globalThis');
syncBuiltinESMExports();
