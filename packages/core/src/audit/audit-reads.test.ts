import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../kernel/audit-trail.js';
import type { Principal } from '../kernel/principal.js';
import { readAuditRow } from './audit-reads.js';

const officer: Principal = { id: 'test:officer', role: 'COUNTY_OFFICER', areaScopes: ['433125000000'], provinceCode: '430000000000' };
const VILLAGE_A = '433125100201';
const VILLAGE_B = '433125100202';

function rowOf(trail: AuditTrail) {
  return readAuditRow({ principal: officer, requestId: 'r-1', operation: 'query Page', personalReads: trail.takePersonalReads(), recordQuery: false });
}

describe('a request\'s read record', () => {
  it('groups people read with the same fields in the same village, whatever order the fields were read in', () => {
    const trail = new AuditTrail();
    trail.recordPersonalRead('Member', 1, VILLAGE_A, 'name');
    trail.recordPersonalRead('Member', 1, VILLAGE_A, 'idNumber');
    trail.recordPersonalRead('Member', 2, VILLAGE_A, 'idNumber');
    trail.recordPersonalRead('Member', 2, VILLAGE_A, 'name');
    trail.recordPersonalRead('Member', 2, VILLAGE_A, 'name'); // read twice, recorded once
    trail.recordPersonalRead('Household', 7, VILLAGE_B, 'bankAccount');
    trail.recordPersonalRead('Member', 3, VILLAGE_B, 'idNumber');
    trail.recordPersonalRead('Member', 4, VILLAGE_A, 'idNumber');
    trail.recordPersonalRead('Member', 4, VILLAGE_A, 'health');
    trail.recordPersonalRead('Member', 5, VILLAGE_A, 'name');
    trail.recordPersonalRead('Member', 5, VILLAGE_A, 'idNumber');

    const row = rowOf(trail);
    expect(row.after.readGroups).toEqual([
      { objectType: 'Member', areaCode: VILLAGE_A, fields: ['idNumber', 'name'], objectIds: ['1', '2', '5'] },
      { objectType: 'Household', areaCode: VILLAGE_B, fields: ['bankAccount'], objectIds: ['7'] },
      { objectType: 'Member', areaCode: VILLAGE_B, fields: ['idNumber'], objectIds: ['3'] },
      { objectType: 'Member', areaCode: VILLAGE_A, fields: ['health', 'idNumber'], objectIds: ['4'] },
    ]);
    expect(row.areas).toEqual([VILLAGE_A, VILLAGE_B]);
    expect(row.area).toBe('433125100000');
  });

  it('keeps objects of different types with the same id apart, and starts empty after each take', () => {
    const trail = new AuditTrail();
    trail.recordPersonalRead('Member', 9, VILLAGE_A, 'idNumber');
    trail.recordPersonalRead('Household', 9, VILLAGE_A, 'idNumber');
    expect(rowOf(trail).after.readGroups.map((group) => `${group.objectType}:${group.objectIds.join()}`)).toEqual(['Member:9', 'Household:9']);
    expect(trail.takePersonalReads()).toEqual([]);
    trail.recordPersonalRead('Member', 9, VILLAGE_A, 'name');
    expect(rowOf(trail).after.readGroups).toEqual([{ objectType: 'Member', areaCode: VILLAGE_A, fields: ['name'], objectIds: ['9'] }]);
  });
});
