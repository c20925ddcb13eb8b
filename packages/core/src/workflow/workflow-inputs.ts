import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { perBuilder } from '../kernel/per-builder.js';

/** The `WorkflowNoticeInput` type, built once per builder. */
const noticeInput = perBuilder((builder: TuopinBuilder) =>
  builder.inputType('WorkflowNoticeInput', {
    description: '张贴的公示 A notice posted at a step',
    fields: (f) => ({
      startDate: f.field({ type: 'Date', required: true, description: '公示开始日期 First day posted' }),
      endDate: f.field({ type: 'Date', required: true, description: '公示结束日期 Last day posted' }),
      location: f.string({ required: true, description: '张贴地点 Where it is posted' }),
    }),
  }),
);

/** The input fields every step of every workflow takes: the version read, the date, a note, a notice. */
export function workflowInputFields(builder: TuopinBuilder, t: PothosSchemaTypes.InputFieldBuilder<TuopinTypes, 'InputObject'>) {
  return {
    version: t.int({ required: true, description: '读取时的版本（防止并发重复办理） The case\'s version as you read it; a step taken since makes this one a conflict' }),
    date: t.field({ type: 'Date', description: '办理日期（默认今天） Day taken; today when omitted' }),
    note: t.string({ description: '说明 Note' }),
    notice: t.field({ type: noticeInput(builder), description: '公示（张贴公示的环节必填） The notice, for a step that posts one' }),
  };
}
