
import { householdLoader } from '../household/household.loaders.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { hidden, maskIdNumber, personalValue } from '../kernel/personal-data.js';
import { canReadPersonalData } from '../access/core-policy.js';
import { registerEnum } from '../kernel/enum-values.js';
import type { Member } from './member.entity.js';
import type { Household } from '../household/household.entity.js';
import { EDUCATION_LEVELS, EducationLevelEnum, EMPLOYMENT_STATUSES, EmploymentStatusEnum, HEALTH_STATUSES, HealthStatusEnum, LABOUR_ABILITIES, LabourAbilityEnum, RELATIONS_TO_HEAD, RelationToHeadEnum, SCHOOL_STATUSES, SchoolStatusEnum, SEXES, SexEnum } from './member-enums.js';
import { memberLoader, membersByHouseholdLoader } from './member.loaders.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { readsProperties } from '../kernel/read/selected-properties.js';

/** Whose data a member's personal fields are, for the record of an unmasked read. */
const ownerOf = (m: Member) => ({ objectType: 'Member', objectId: m.id, areaCode: m.villageCode });

/**
 * What a personal-data field reads of its row: the value and the owner of the read record. Every
 * field that is not a plain `expose…` declares what it reads, so that a page's members are read
 * with just the columns the request selects (kernel/read/selected-properties.ts).
 */
const personal = (property: keyof Member & string) => readsProperties<Member>(property, 'id', 'villageCode');

export function registerMemberSchema(builder: TuopinBuilder): void {
  registerEnum(builder, SexEnum, 'Sex', '性别 Sex', SEXES);
  registerEnum(builder, RelationToHeadEnum, 'RelationToHead', '与户主关系 Relation to the head of household', RELATIONS_TO_HEAD);
  registerEnum(builder, EducationLevelEnum, 'EducationLevel', '文化程度 Education level', EDUCATION_LEVELS);
  registerEnum(builder, SchoolStatusEnum, 'SchoolStatus', '在校生状况 School status', SCHOOL_STATUSES);
  registerEnum(builder, HealthStatusEnum, 'HealthStatus', '健康状况 Health status', HEALTH_STATUSES);
  registerEnum(builder, LabourAbilityEnum, 'LabourAbility', '劳动能力 Labour ability', LABOUR_ABILITIES);
  registerEnum(builder, EmploymentStatusEnum, 'EmploymentStatus', '务工状况 Employment status', EMPLOYMENT_STATUSES);

  const Insurance = builder.objectRef<Member>('MemberInsurance').implement({
    description: '参保情况 Insurance cover',
    scope: 'contained',
    fields: (t) => ({
      medical: t.exposeBoolean('medicalInsurance', { description: '城乡居民基本医疗保险 Basic medical insurance' }),
      criticalIllness: t.exposeBoolean('criticalIllnessInsurance', { description: '大病保险 Critical illness insurance' }),
      pension: t.exposeBoolean('pensionInsurance', { description: '城乡居民基本养老保险 Basic pension insurance' }),
    }),
  });

  builder.node('Member', {
    description: '家庭成员 A member of a registered household',
    scope: { area: (m) => m.villageCode },
    id: { resolve: (m) => m.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'idNumber' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => memberLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '姓名 Name' }),
      idNumber: t.string({
        extensions: personal('idNumber'),
        description: '身份证号（个人信息：无权角色见到的是 433125********123X） Resident ID number; masked as 433125********123X for roles without access to personal data',
        resolve: (m, _args, ctx) => personalValue(ctx, ownerOf(m), 'idNumber', m.idNumber, maskIdNumber)!,
      }),
      sex: t.field({ extensions: readsProperties<Member>('sex'), type: SexEnum, resolve: (m) => m.sex, description: '性别 Sex, derived from the ID number' }),
      birthDate: t.field({
        extensions: personal('birthDate'),
        type: 'Date',
        nullable: true,
        description:
          '出生日期（个人信息：即身份证号中隐藏的8位，无权角色为空） Birth date, derived from the ID number; personal data: it is the part of the ID number a mask hides, so null for roles without access to personal data',
        resolve: (m, _args, ctx) => personalValue(ctx, ownerOf(m), 'birthDate', m.birthDate, hidden),
      }),
      relationToHead: t.expose('relationToHead', { type: RelationToHeadEnum, description: '与户主关系 Relation to head' }),
      isHead: t.boolean({ extensions: readsProperties<Member>('relationToHead'), resolve: (m) => m.relationToHead === 'HEAD', description: '是否户主 Whether this member is the head' }),
      ethnicity: t.exposeString('ethnicity', { nullable: true, description: '民族 Ethnicity, e.g. 汉族, 土家族, 苗族' }),
      education: t.field({ extensions: readsProperties<Member>('education'), type: EducationLevelEnum, nullable: true, resolve: (m) => m.education ?? null, description: '文化程度 Education' }),
      schoolStatus: t.field({
        extensions: readsProperties<Member>('schoolStatus'),
        type: SchoolStatusEnum,
        nullable: true,
        resolve: (m) => m.schoolStatus ?? null,
        description: '在校生状况 School status',
      }),
      health: t.field({
        extensions: personal('health'),
        type: HealthStatusEnum,
        nullable: true,
        description: '健康状况（个人信息，无权角色为空） Health; null for roles without access to personal data',
        resolve: (m, _args, ctx) => personalValue(ctx, ownerOf(m), 'health', m.health, hidden),
      }),
      labourAbility: t.field({
        extensions: readsProperties<Member>('labourAbility'),
        type: LabourAbilityEnum,
        nullable: true,
        resolve: (m) => m.labourAbility ?? null,
        description: '劳动能力 Labour ability',
      }),
      employment: t.field({
        extensions: readsProperties<Member>('employment'),
        type: EmploymentStatusEnum,
        nullable: true,
        resolve: (m) => m.employment ?? null,
        description: '务工状况 Employment',
      }),
      employmentMonths: t.exposeInt('employmentMonths', { nullable: true, description: '务工时间（月） Months worked in the year' }),
      disabilityGrade: t.int({
        extensions: personal('disabilityGrade'),
        nullable: true,
        description: '残疾等级（1–4级，个人信息，无权角色为空） Disability grade 1–4; null for roles without access to personal data',
        resolve: (m, _args, ctx) => personalValue(ctx, ownerOf(m), 'disabilityGrade', m.disabilityGrade, hidden),
      }),
      personalDataMasked: t.boolean({
        extensions: readsProperties<Member>(),
        description: '个人信息是否已遮蔽 Whether ID number, birth date and health details are masked for your role',
        resolve: (_m, _args, ctx) => !canReadPersonalData(ctx.principal),
      }),
      insurance: t.field({ extensions: readsProperties<Member>('medicalInsurance', 'criticalIllnessInsurance', 'pensionInsurance'), type: Insurance, resolve: (m) => m, description: '参保情况 Insurance' }),
      household: t.field({
        extensions: readsProperties<Member>('householdId'),
        type: 'Household',
        description: '所属户 The household',
        resolve: async (m, _args, ctx) => (await householdLoader(ctx).load(m.householdId))!,
      }),
    }),
  });

  builder.objectFields('Household', (t) => ({
    members: t.field({
      type: ['Member'],
      extensions: readsProperties<Household>('id'),
      description: '家庭成员，户主在前 Members, the head first',
      resolve: (h, _args, ctx) => membersByHouseholdLoader(ctx).load(h.id),
    }),
    head: t.field({
      type: 'Member',
      extensions: readsProperties<Household>('id'),
      description: '户主 The head of household',
      resolve: async (h, _args, ctx) => {
        const members = await membersByHouseholdLoader(ctx).load(h.id);
        return members.find((m) => m.relationToHead === 'HEAD')!;
      },
    }),
  }));
}
