// Loaded into our server by `bench --compare --allocations` (node --require <this file>): V8's
// sampling heap profiler, counting the objects already collected as well (`--heap-prof` keeps only
// those still alive at its end, which says nothing of a request's garbage). The first SIGUSR2
// starts it, the second writes the profile to <tmpdir>/tuopin-allocations-<pid>.heapprofile.
'use strict';
const inspector = require('node:inspector');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const session = new inspector.Session();
session.connect();
session.post('HeapProfiler.enable');
let sampling = false;
process.on('SIGUSR2', () => {
  if (!sampling) {
    sampling = true;
    session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    return;
  }
  session.post('HeapProfiler.stopSampling', (error, result) => {
    const file = path.join(os.tmpdir(), `tuopin-allocations-${process.pid}.heapprofile`);
    fs.writeFileSync(`${file}.part`, error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile));
    fs.renameSync(`${file}.part`, file);
  });
});
