// PostGraphile 5 (grafast) calls Promise.withResolvers, which Node 20 lacks (Node 22 has it).
// Loaded into the peer's server process only, with NODE_OPTIONS=--require <this file>.
'use strict';
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
