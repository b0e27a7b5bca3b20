/**
 * Loaded before xapi-statements (`node -r ./preload.cjs`): binds its server to 127.0.0.1
 * only, whatever it asks for, and lets the test that started it close and reopen the
 * listener over IPC ('stop' / 'start') while the statements stay in memory, the way a real
 * LRS with durable storage goes down and comes back.
 */
const net = require('node:net');

const listen = net.Server.prototype.listen;
let server = null;
let port = null;

net.Server.prototype.listen = function (...args) {
  if (typeof args[0] !== 'number') return listen.apply(this, args);
  server = this;
  port = args[0];
  const callback = args.find((arg) => typeof arg === 'function');
  return listen.call(this, port, '127.0.0.1', callback);
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
