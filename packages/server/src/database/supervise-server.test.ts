import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from './process-control.js';
import { CLUSTER_TIMEOUT, postmasterPid, queryCluster, startCluster, useClusterDirectory } from './test-clusters.js';

const base = useClusterDirectory('tuopin-pg-supervision-');

describe('supervision', () => {
  it('restarts a server that was killed, on the same port, until stopped', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'supervised');
    const { db } = await startCluster(dataDir);
    try {
      const firstPid = db.pid!;
      process.kill(firstPid, 'SIGKILL');
      const deadline = Date.now() + 60_000;
      while (db.restarts === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(db.restarts).toBe(1);
      expect(db.pid).not.toBe(firstPid);
      expect(await queryCluster(db, 'select 1 as one')).toEqual([{ one: 1 }]);
      await db.stop();
      expect(isProcessAlive(db.pid!)).toBe(false);
      expect(await postmasterPid(dataDir)).toBeUndefined();
    } finally {
      await db.stop();
    }
  });

  it('leaves a dead server dead when supervision is off', { timeout: CLUSTER_TIMEOUT }, async () => {
    const { db } = await startCluster(path.join(base(), 'unsupervised'), { supervise: false });
    try {
      process.kill(db.pid!, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(db.restarts).toBe(0);
      await expect(queryCluster(db, 'select 1')).rejects.toThrow();
    } finally {
      await db.stop();
    }
  });
});