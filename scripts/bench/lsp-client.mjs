// The wire of a minimal LSP client over a server's stdio (Content-Length framing), shared by
// the language-server benchmarks (lsp.mjs, ab-lsp.mjs): responses go to `pending` by ID,
// notifications to every listener, and a request from the server (configuration,
// registration) is answered plainly.

/** Wires `child`'s stdin and stdout; returns how to send a message, a request (resolved with
 * its response) or a notification, and how to wait for the next notification that matches. */
export function wire(child) {
  let buffer = Buffer.alloc(0);
  // Chunks not yet joined to `buffer`, and how many bytes a whole message needs: a large message
  // (the diagnostics of a long outline are MBs) is joined once, not once per chunk, as an
  // editor's client does, so that the latency measured is the server's.
  let chunks = [];
  let waiting = 0;
  let needed = 0;
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  const send = (message) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  child.stdout.on('data', (chunk) => {
    chunks.push(chunk);
    waiting += chunk.length;
    if (buffer.length + waiting < needed) return;
    buffer = Buffer.concat([buffer, ...chunks]);
    chunks = [];
    waiting = 0;
    needed = 0;
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1],
      );
      if (buffer.length < headerEnd + 4 + length) {
        needed = headerEnd + 4 + length;
        return;
      }
      const message = JSON.parse(
        buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'),
      );
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      } else if (message.id !== undefined) {
        const result =
          message.method === 'workspace/configuration'
            ? message.params.items.map(() => null)
            : null;
        send({ jsonrpc: '2.0', id: message.id, result });
      } else for (const l of listeners) l(message);
    }
  });
  const request = (method, params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send({ jsonrpc: '2.0', id, method, params });
    });
  return {
    send,
    request,
    notify: (method, params) => send({ jsonrpc: '2.0', method, params }),
    /** Resolves with the next notification matching `test`. */
    next: (test, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error('timed out waiting for the server'));
        }, timeoutMs);
        const listener = (m) => {
          if (!test(m)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(m);
        };
        listeners.add(listener);
      }),
    /** Calls `listener` with every notification until the function returned is called. */
    watch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
