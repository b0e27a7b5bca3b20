/**
 * Loaded before xapi-statements (`node -r ./preload.cjs`): binds its server to 127.0.0.1
 * only, on the port in TEST_LRS_PORT (0, the default, lets the system pick a free one, so
 * tests running at once never collide), tells the test that started it the port over IPC
 * (`{ port }`), and lets it close and reopen the listener ('stop' / 'start') on that same
 * port while the statements stay in memory, the way a real LRS with durable storage goes
 * down and comes back.
 */
const net = require('node:net');

const listen = net.Server.prototype.listen;
let server = null;
let port = null;

net.Server.prototype.listen = function (...args) {
  if (typeof args[0] !== 'number') return listen.apply(this, args);
  server = this;
  const callback = args.find((arg) => typeof arg === 'function');
  return listen.call(this, Number(process.env.TEST_LRS_PORT ?? 0), '127.0.0.1', () => {
    port = server.address().port;
    process.send?.({ port });
    callback?.();
  });
};

process.on('message', (message) => {
  if (!server) return;
  if (message === 'stop') {
    server.close(() => process.send?.('stopped'));
    server.closeAllConnections();
  } else if (message === 'start') {
    listen.call(server, port, '127.0.0.1', () => process.send?.('started'));
  }
});
