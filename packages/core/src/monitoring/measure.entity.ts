import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 帮扶措施: one measure of help to a monitored household or one of its members. */
export const MonitoringMeasureSchema = defineEntity({
  name: 'MonitoringMeasure',
  tableName: 'monitoring_measure',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    caseId: p.integer(),
    villageCode: p.string().length(12),
    measureType: p.text(),
    memberId: p.integer().nullable(),
    description: p.text(),
    amount: p.decimal('string').precision(14).scale(2).nullable(),
    startedOn: p.date(),
    carriedOutOn: p.date().nullable(),
    recordType: p.text().nullable(),
    recordId: p.integer().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type MonitoringMeasure = InferEntity<typeof MonitoringMeasureSchema>;
