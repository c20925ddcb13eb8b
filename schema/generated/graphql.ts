/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 添加成员 A member to add */
export type AddMemberInput = {
  /** 户全局 ID Household global ID */
  householdId: string | number;
  /** 成员 The member */
  member: MemberInput;
};

/** 行政层级 Administrative level */
export type AreaLevel =
  /** 县/市/区 County */
  | 'COUNTY'
  /** 市/州 Prefecture */
  | 'PREFECTURE'
  /** 省 Province */
  | 'PROVINCE'
  /** 乡/镇 Township */
  | 'TOWNSHIP'
  /** 行政村 Administrative village */
  | 'VILLAGE';

/** 更换户主 The new head, and the former head's new relation */
export type ChangeHouseholdHeadInput = {
  /** 原户主与新户主的关系 The former head's relation to the new head */
  formerHeadRelation: RelationToHead;
  /** 户全局 ID Household global ID */
  householdId: string | number;
  /** 新户主（本户成员）的全局 ID Global ID of the member who becomes head */
  newHeadId: string | number;
};

/** 文化程度 Education level */
export type EducationLevel =
  /** 大专及以上 College or above */
  | 'COLLEGE_OR_ABOVE'
  /** 文盲或半文盲 Illiterate or semi-literate */
  | 'ILLITERATE'
  /** 初中 Junior high school */
  | 'JUNIOR_HIGH'
  /** 学龄前儿童 Pre-school child */
  | 'PRESCHOOL_CHILD'
  /** 小学 Primary school */
  | 'PRIMARY'
  /** 高中 Senior high school */
  | 'SENIOR_HIGH';

/** 务工状况 Employment status */
export type EmploymentStatus =
  /** 县内务工 Working within the county */
  | 'IN_COUNTY'
  /** 省内县外务工 Migrant worker within the province */
  | 'IN_PROVINCE'
  /** 乡（镇）内务工 Working within the township */
  | 'LOCAL'
  /** 未务工 Not working for wages */
  | 'NOT_WORKING'
  /** 省外务工 Migrant worker outside the province */
  | 'OUT_OF_PROVINCE';

/** 健康状况 Health status */
export type HealthStatus =
  /** 长期慢性病 Long-term chronic illness */
  | 'CHRONIC_ILLNESS'
  /** 残疾 Disabled */
  | 'DISABLED'
  /** 健康 Healthy */
  | 'HEALTHY'
  /** 患有大病 Serious illness */
  | 'SERIOUS_ILLNESS';

/** 两不愁三保障 Assurances and guarantees */
export type HouseholdAssurancesInput = {
  /** 基本医疗有保障 Basic medical care assured */
  basicMedicalCare?: boolean | null | undefined;
  /** 不愁穿 Enough to wear */
  clothing?: boolean | null | undefined;
  /** 义务教育有保障 Compulsory education assured */
  compulsoryEducation?: boolean | null | undefined;
  /** 不愁吃 Enough to eat */
  food?: boolean | null | undefined;
  /** 住房安全有保障 Safe housing assured */
  safeHousing?: boolean | null | undefined;
};

/** 贫困户属性 Household category */
export type HouseholdCategory =
  /** 特困供养贫困户 Extreme-hardship household supported by the state (五保) */
  | 'EXTREME_HARDSHIP'
  /** 低保贫困户 Poor household on the minimum living allowance (低保) */
  | 'MINIMUM_LIVING_ALLOWANCE'
  /** 一般贫困户 Ordinary poor household */
  | 'ORDINARY';

/** 住房与饮水 Housing and drinking water */
export type HouseholdHousingInput = {
  /** 住房面积（平方米） Floor area in m² */
  area?: number | null | undefined;
  /** 饮水安全 Safe drinking water */
  safeDrinkingWater?: boolean | null | undefined;
  /** 住房安全等级 Safety grade */
  safetyGrade?: HousingSafetyGrade | null | undefined;
};

/** 户状态 Household status */
export type HouseholdStatus =
  /** 已脱贫 Exited poverty */
  | 'EXITED'
  /** 未脱贫 Poor, not yet out of poverty */
  | 'POOR'
  /** 返贫 Returned to poverty after exiting */
  | 'RETURNED';

/** 住房安全等级 Housing safety grade */
export type HousingSafetyGrade =
  /** A级 Safe */
  | 'A'
  /** B级 Basically safe */
  | 'B'
  /** C级危房 Dangerous in part (grade C) */
  | 'C'
  /** D级危房 Dangerous as a whole (grade D) */
  | 'D';

/** 劳动能力 Labour ability */
export type LabourAbility =
  /** 丧失劳动力 Lost the ability to work */
  | 'LOST'
  /** 无劳动力 No labour ability (child, student, elderly) */
  | 'NONE'
  /** 普通劳动力 Ordinary labour */
  | 'ORDINARY'
  /** 技能劳动力 Skilled labour */
  | 'SKILLED'
  /** 弱劳动力或半劳动力 Weak or partial labour */
  | 'WEAK';

/** 家庭成员 A household member */
export type MemberInput = {
  /** 出生日期（可省略，须与身份证号一致） Birth date; optional, must agree with the ID number */
  birthDate?: string | null | undefined;
  /** 大病保险 Critical illness insurance */
  criticalIllnessInsurance?: boolean | null | undefined;
  /** 残疾等级（1–4） Disability grade 1–4 */
  disabilityGrade?: number | null | undefined;
  /** 文化程度 Education */
  education?: EducationLevel | null | undefined;
  /** 务工状况 Employment */
  employment?: EmploymentStatus | null | undefined;
  /** 务工时间（月，0–12） Months worked, 0–12 */
  employmentMonths?: number | null | undefined;
  /** 民族 Ethnicity */
  ethnicity?: string | null | undefined;
  /** 健康状况 Health */
  health?: HealthStatus | null | undefined;
  /** 身份证号（18位） Resident ID number, 18 characters */
  idNumber: string;
  /** 劳动能力 Labour ability */
  labourAbility?: LabourAbility | null | undefined;
  /** 基本医疗保险 Basic medical insurance */
  medicalInsurance?: boolean | null | undefined;
  /** 姓名 Name */
  name: string;
  /** 养老保险 Pension insurance */
  pensionInsurance?: boolean | null | undefined;
  /** 与户主关系 Relation to head */
  relationToHead: RelationToHead;
  /** 在校生状况 School status */
  schoolStatus?: SchoolStatus | null | undefined;
  /** 性别（可省略，须与身份证号一致） Sex; optional, must agree with the ID number */
  sex?: Sex | null | undefined;
};

/** 致贫原因 Cause of poverty */
export type PovertyCause =
  /** 因残 Disability */
  | 'DISABILITY'
  /** 因灾 Disaster */
  | 'DISASTER'
  /** 因学 Education costs */
  | 'EDUCATION'
  /** 因病 Illness */
  | 'ILLNESS'
  /** 缺资金 Lack of capital */
  | 'LACK_OF_CAPITAL'
  /** 自身发展动力不足 Lack of drive to develop */
  | 'LACK_OF_DRIVE'
  /** 缺劳力 Lack of labour */
  | 'LACK_OF_LABOUR'
  /** 缺土地 Lack of land */
  | 'LACK_OF_LAND'
  /** 缺技术 Lack of skills */
  | 'LACK_OF_SKILLS'
  /** 缺水 Lack of water */
  | 'LACK_OF_WATER'
  /** 其他 Other */
  | 'OTHER'
  /** 交通条件落后 Poor transport */
  | 'POOR_TRANSPORT';

/** 记录家庭年收入（同一年度再次记录即更正） A household's income for a year; recording a year again corrects it */
export type RecordHouseholdIncomeInput = {
  /** 家庭经营性收入 Household business income */
  business: string;
  /** 户全局 ID Household global ID */
  householdId: string | number;
  /** 家庭人口（默认为当前成员数） People supported; the current member count if omitted */
  householdSize?: number | null | undefined;
  /** 生产经营费用 Production and business costs */
  productionCosts: string;
  /** 财产性收入 Property income */
  property: string;
  /** 转移性收入 Transfer income */
  transfers: string;
  /** 工资性收入 Wages */
  wages: string;
  /** 年度 Year */
  year: number;
};

/** 登记建档立卡户 A household to register, with its members */
export type RegisterHouseholdInput = {
  /** 耕地面积（亩） Arable land in mu */
  arableLand?: number | null | undefined;
  /** 两不愁三保障 Assurances */
  assurances?: HouseholdAssurancesInput | null | undefined;
  /** 银行账号 Bank account number */
  bankAccount?: string | null | undefined;
  /** 贫困户属性 Category */
  category: HouseholdCategory;
  /** 脱贫年度 Exit year */
  exitYear?: number | null | undefined;
  /** 组/屯编号 Id of a group of that village */
  groupId?: number | null | undefined;
  /** 户编号 Household number, unique in the registry */
  householdNo: string;
  /** 住房 Housing */
  housing?: HouseholdHousingInput | null | undefined;
  /** 家庭成员，须含一名户主 Members, exactly one of them the head */
  members: Array<MemberInput>;
  /** 其他致贫原因（最多两项） Other causes, at most two */
  otherCauses?: Array<PovertyCause> | null | undefined;
  /** 主要致贫原因 Main cause */
  primaryCause: PovertyCause;
  /** 户状态（登记时默认未脱贫） Status; POOR when registering if omitted */
  status?: HouseholdStatus | null | undefined;
  /** 行政村代码 12-digit code of the administrative village */
  villageCode: string;
  /** 识别年度 Year identified */
  yearIdentified: number;
};

/** 与户主关系 Relation to the head of household */
export type RelationToHead =
  /** 之女 Daughter */
  | 'DAUGHTER'
  /** 之儿媳 Daughter-in-law */
  | 'DAUGHTER_IN_LAW'
  /** 之父 Father */
  | 'FATHER'
  /** 之孙女 Granddaughter */
  | 'GRANDDAUGHTER'
  /** 之祖父 Grandfather */
  | 'GRANDFATHER'
  /** 之祖母 Grandmother */
  | 'GRANDMOTHER'
  /** 之孙子 Grandson */
  | 'GRANDSON'
  /** 户主 Head of household */
  | 'HEAD'
  /** 之母 Mother */
  | 'MOTHER'
  /** 其他 Other relation */
  | 'OTHER'
  /** 兄弟姐妹 Sibling */
  | 'SIBLING'
  /** 之子 Son */
  | 'SON'
  /** 之女婿 Son-in-law */
  | 'SON_IN_LAW'
  /** 配偶 Spouse */
  | 'SPOUSE';

/** 删除成员 The member to remove */
export type RemoveMemberInput = {
  /** 成员全局 ID Member global ID */
  id: string | number;
};

/** 在校生状况 School status */
export type SchoolStatus =
  /** 高职 Higher vocational college */
  | 'HIGHER_VOCATIONAL'
  /** 初中 Junior high school */
  | 'JUNIOR_HIGH'
  /** 非在校生 Not in school */
  | 'NOT_IN_SCHOOL'
  /** 学前教育 Pre-school */
  | 'PRESCHOOL'
  /** 小学 Primary school */
  | 'PRIMARY'
  /** 中职 Secondary vocational school */
  | 'SECONDARY_VOCATIONAL'
  /** 普通高中 Senior high school */
  | 'SENIOR_HIGH'
  /** 本科及以上 Undergraduate or above */
  | 'UNDERGRADUATE_OR_ABOVE';

/** 性别 Sex */
export type Sex =
  /** 女 Female */
  | 'FEMALE'
  /** 男 Male */
  | 'MALE';

/** 修改户信息 Changes to a household; absent fields stay as they are */
export type UpdateHouseholdInput = {
  /** 耕地面积（亩） Arable land in mu */
  arableLand?: number | null | undefined;
  /** 两不愁三保障 Assurances */
  assurances?: HouseholdAssurancesInput | null | undefined;
  /** 银行账号 Bank account number */
  bankAccount?: string | null | undefined;
  /** 贫困户属性 Category */
  category?: HouseholdCategory | null | undefined;
  /** 脱贫年度 Exit year */
  exitYear?: number | null | undefined;
  /** 组/屯编号 Id of a group of that village */
  groupId?: number | null | undefined;
  /** 户编号 Household number, unique in the registry */
  householdNo?: string | null | undefined;
  /** 住房 Housing */
  housing?: HouseholdHousingInput | null | undefined;
  /** 户全局 ID Household global ID */
  id: string | number;
  /** 其他致贫原因（最多两项） Other causes, at most two */
  otherCauses?: Array<PovertyCause> | null | undefined;
  /** 主要致贫原因 Main cause */
  primaryCause?: PovertyCause | null | undefined;
  /** 户状态（登记时默认未脱贫） Status; POOR when registering if omitted */
  status?: HouseholdStatus | null | undefined;
  /** 行政村代码 12-digit code of the administrative village */
  villageCode?: string | null | undefined;
  /** 识别年度 Year identified */
  yearIdentified?: number | null | undefined;
};

/** 修改成员 Changes to a member */
export type UpdateMemberInput = {
  /** 出生日期（可省略，须与身份证号一致） Birth date; optional, must agree with the ID number */
  birthDate?: string | null | undefined;
  /** 大病保险 Critical illness insurance */
  criticalIllnessInsurance?: boolean | null | undefined;
  /** 残疾等级（1–4） Disability grade 1–4 */
  disabilityGrade?: number | null | undefined;
  /** 文化程度 Education */
  education?: EducationLevel | null | undefined;
  /** 务工状况 Employment */
  employment?: EmploymentStatus | null | undefined;
  /** 务工时间（月，0–12） Months worked, 0–12 */
  employmentMonths?: number | null | undefined;
  /** 民族 Ethnicity */
  ethnicity?: string | null | undefined;
  /** 健康状况 Health */
  health?: HealthStatus | null | undefined;
  /** 成员全局 ID Member global ID */
  id: string | number;
  /** 身份证号 ID number; birth date and sex follow it */
  idNumber?: string | null | undefined;
  /** 劳动能力 Labour ability */
  labourAbility?: LabourAbility | null | undefined;
  /** 基本医疗保险 Basic medical insurance */
  medicalInsurance?: boolean | null | undefined;
  /** 姓名 Name */
  name?: string | null | undefined;
  /** 养老保险 Pension insurance */
  pensionInsurance?: boolean | null | undefined;
  /** 与户主关系（不能改为或改自户主） Relation; not to or from HEAD */
  relationToHead?: RelationToHead | null | undefined;
  /** 在校生状况 School status */
  schoolStatus?: SchoolStatus | null | undefined;
  /** 性别（可省略，须与身份证号一致） Sex; optional, must agree with the ID number */
  sex?: Sex | null | undefined;
};

export type RegisterHouseholdMutationVariables = Exact<{
  input: RegisterHouseholdInput;
}>;


export type RegisterHouseholdMutation = { registerHousehold:
    | { __typename: 'ConflictError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'ForbiddenError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'NotFoundError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'RegisterHouseholdPayload', household: { id: string, householdNo: string, status: HouseholdStatus, memberCount: number, village: { code: string, name: string }, head: { name: string, idNumber: string, sex: Sex, birthDate: string }, members: Array<{ id: string, name: string, idNumber: string, relationToHead: RelationToHead, sex: Sex, birthDate: string }> } }
    | { __typename: 'RuleViolationError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'ValidationError', code: string, field: string | null, messageZh: string, messageEn: string, issues: Array<{ field: string, messageZh: string, messageEn: string }> }
   };

export type RegionWithStatsQueryVariables = Exact<{
  code: string;
}>;


export type RegionWithStatsQuery = { region: { id: string, code: string, name: string, level: AreaLevel, parent:
      | { code: string, name: string, level: AreaLevel }
      | { code: string, name: string, level: AreaLevel }
     | null, children: { totalCount: number, edges: Array<{ node:
          | { code: string, name: string, level: AreaLevel }
          | { code: string, name: string, level: AreaLevel }
         }> }, stats: { households: number, people: number, poorHouseholds: number, poorPeople: number, ruralPopulation: number, povertyIncidence: number | null } } | null };

export type VillageDetailsQueryVariables = Exact<{
  code: string;
}>;


export type VillageDetailsQuery = { village: { code: string, name: string, level: AreaLevel, isPovertyVillage: boolean, exitYear: number | null, ruralPopulation: number | null, groups: Array<{ id: number, name: string }>, parent:
      | { code: string, name: string }
      | { code: string, name: string }
     | null, households: { totalCount: number, edges: Array<{ node: { householdNo: string } }> }, stats: { households: number, people: number, poorHouseholds: number, poorPeople: number, povertyIncidence: number | null } } | null };

export type AreaListQueryVariables = Exact<{
  parentCode?: string | null | undefined;
  level?: AreaLevel | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AreaListQuery = { regions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { __typename: 'Region', code: string, name: string, stats: { households: number } }
        | { __typename: 'Village', code: string, name: string, stats: { households: number } }
       }> } };

export type HouseholdPageQueryVariables = Exact<{
  regionCode?: string | null | undefined;
  status?: HouseholdStatus | null | undefined;
  primaryCause?: PovertyCause | null | undefined;
  category?: HouseholdCategory | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type HouseholdPageQuery = { households: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, householdNo: string, status: HouseholdStatus, primaryCause: PovertyCause, category: HouseholdCategory, village: { code: string } } }> } };

export type OneHouseholdQueryVariables = Exact<{
  id?: string | number | null | undefined;
  householdNo?: string | null | undefined;
}>;


export type OneHouseholdQuery = { household: { id: string, householdNo: string, yearIdentified: number, exitYear: number | null, otherCauses: Array<PovertyCause>, arableLand: number | null, bankAccount: string | null, assurances: { food: boolean, clothing: boolean, compulsoryEducation: boolean, basicMedicalCare: boolean, safeHousing: boolean, allMet: boolean }, housing: { area: number | null, safetyGrade: HousingSafetyGrade | null, safeDrinkingWater: boolean | null }, group: { name: string } | null, head: { name: string }, members: Array<{ name: string, idNumber: string, relationToHead: RelationToHead, isHead: boolean, insurance: { medical: boolean }, household: { householdNo: string } }> } | null };

export type NodeLookupQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeLookupQuery = { node:
    | { __typename: 'Household', householdNo: string, id: string }
    | { __typename: 'Member', name: string, id: string }
    | { __typename: 'Region', code: string, level: AreaLevel, id: string }
    | { __typename: 'Village', code: string, name: string, id: string }
   | null };

export type RecordIncomeMutationVariables = Exact<{
  input: RecordHouseholdIncomeInput;
}>;


export type RecordIncomeMutation = { recordHouseholdIncome:
    | { __typename: 'ConflictError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'ForbiddenError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'NotFoundError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'RecordHouseholdIncomePayload', income: { year: number, wages: string, business: string, transfers: string, property: string, productionCosts: string, netIncome: string, householdSize: number, perCapitaNetIncome: string, povertyLine: string | null, belowPovertyLine: boolean | null }, household: { incomes: Array<{ year: number }> } }
    | { __typename: 'RuleViolationError', code: string, field: string | null, messageZh: string, messageEn: string }
    | { __typename: 'ValidationError', code: string, field: string | null, messageZh: string, messageEn: string, issues: Array<{ field: string }> }
   };

export type IncomeOfYearQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type IncomeOfYearQuery = { household: { income: { netIncome: string, perCapitaNetIncome: string, belowPovertyLine: boolean | null } | null } | null };

export type AddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AddMemberMutation = { addMember:
    | { __typename: 'AddMemberPayload', member: { id: string, name: string, sex: Sex, birthDate: string, relationToHead: RelationToHead }, household: { memberCount: number } }
    | { __typename: 'ConflictError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ForbiddenError', code: string, field: string | null, messageEn: string }
    | { __typename: 'NotFoundError', code: string, field: string | null, messageEn: string }
    | { __typename: 'RuleViolationError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ValidationError', code: string, field: string | null, messageEn: string }
   };

export type UpdateMemberMutationVariables = Exact<{
  input: UpdateMemberInput;
}>;


export type UpdateMemberMutation = { updateMember:
    | { __typename: 'ConflictError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ForbiddenError', code: string, field: string | null, messageEn: string }
    | { __typename: 'NotFoundError', code: string, field: string | null, messageEn: string }
    | { __typename: 'RuleViolationError', code: string, field: string | null, messageEn: string }
    | { __typename: 'UpdateMemberPayload', member: { name: string, idNumber: string, sex: Sex, birthDate: string, relationToHead: RelationToHead, ethnicity: string | null, employmentMonths: number | null } }
    | { __typename: 'ValidationError', code: string, field: string | null, messageEn: string }
   };

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type RemoveMemberMutation = { removeMember:
    | { __typename: 'ConflictError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ForbiddenError', code: string, field: string | null, messageEn: string }
    | { __typename: 'NotFoundError', code: string, field: string | null, messageEn: string }
    | { __typename: 'RemoveMemberPayload', removedMemberId: string, household: { memberCount: number, members: Array<{ name: string }> } }
    | { __typename: 'RuleViolationError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ValidationError', code: string, field: string | null, messageEn: string }
   };

export type ChangeHeadMutationVariables = Exact<{
  input: ChangeHouseholdHeadInput;
}>;


export type ChangeHeadMutation = { changeHouseholdHead:
    | { __typename: 'ChangeHouseholdHeadPayload', household: { head: { name: string }, members: Array<{ name: string, relationToHead: RelationToHead }> } }
    | { __typename: 'ConflictError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ForbiddenError', code: string, field: string | null, messageEn: string }
    | { __typename: 'NotFoundError', code: string, field: string | null, messageEn: string }
    | { __typename: 'RuleViolationError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ValidationError', code: string, field: string | null, messageEn: string }
   };

export type PageWithMembersQueryVariables = Exact<{
  regionCode: string;
  first: number;
}>;


export type PageWithMembersQuery = { households: { totalCount: number, edges: Array<{ node: { householdNo: string, status: HouseholdStatus, head: { name: string }, members: Array<{ name: string, idNumber: string, relationToHead: RelationToHead }> } }> } };

export type DashboardPageQueryVariables = Exact<{
  parentCode: string;
  first: number;
}>;


export type DashboardPageQuery = { regions: { edges: Array<{ node:
        | { code: string, name: string, stats: { households: number, poorHouseholds: number, poorPeople: number, povertyIncidence: number | null } }
        | { code: string, name: string, stats: { households: number, poorHouseholds: number, poorPeople: number, povertyIncidence: number | null } }
       }> } };

export type UpdateHouseholdMutationVariables = Exact<{
  input: UpdateHouseholdInput;
}>;


export type UpdateHouseholdMutation = { updateHousehold:
    | { __typename: 'ConflictError', code: string, field: string | null, messageEn: string }
    | { __typename: 'ForbiddenError', code: string, field: string | null, messageEn: string }
    | { __typename: 'NotFoundError', code: string, field: string | null, messageEn: string }
    | { __typename: 'RuleViolationError', code: string, field: string | null, messageEn: string }
    | { __typename: 'UpdateHouseholdPayload', household: { householdNo: string, status: HouseholdStatus, exitYear: number | null, otherCauses: Array<PovertyCause>, bankAccount: string | null, village: { code: string }, group: { name: string } | null, assurances: { allMet: boolean }, housing: { area: number | null, safetyGrade: HousingSafetyGrade | null } } }
    | { __typename: 'ValidationError', code: string, field: string | null, messageEn: string }
   };


export const RegisterHouseholdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterHouseholdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterHouseholdPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterHouseholdMutation, RegisterHouseholdMutationVariables>;
export const RegionWithStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionWithStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"poorHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"poorPeople"}},{"kind":"Field","name":{"kind":"Name","value":"ruralPopulation"}},{"kind":"Field","name":{"kind":"Name","value":"povertyIncidence"}}]}}]}}]}}]} as unknown as DocumentNode<RegionWithStatsQuery, RegionWithStatsQueryVariables>;
export const VillageDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"village"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"isPovertyVillage"}},{"kind":"Field","name":{"kind":"Name","value":"exitYear"}},{"kind":"Field","name":{"kind":"Name","value":"ruralPopulation"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"householdNo"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"poorHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"poorPeople"}},{"kind":"Field","name":{"kind":"Name","value":"povertyIncidence"}}]}}]}}]}}]} as unknown as DocumentNode<VillageDetailsQuery, VillageDetailsQueryVariables>;
export const AreaListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AreaList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AreaLevel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AreaListQuery, AreaListQueryVariables>;
export const HouseholdPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HouseholdPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HouseholdStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"primaryCause"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PovertyCause"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HouseholdCategory"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"primaryCause"},"value":{"kind":"Variable","name":{"kind":"Name","value":"primaryCause"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"primaryCause"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HouseholdPageQuery, HouseholdPageQueryVariables>;
export const OneHouseholdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OneHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"householdNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"householdNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"householdNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNo"}},{"kind":"Field","name":{"kind":"Name","value":"yearIdentified"}},{"kind":"Field","name":{"kind":"Name","value":"exitYear"}},{"kind":"Field","name":{"kind":"Name","value":"otherCauses"}},{"kind":"Field","name":{"kind":"Name","value":"arableLand"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccount"}},{"kind":"Field","name":{"kind":"Name","value":"assurances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"food"}},{"kind":"Field","name":{"kind":"Name","value":"clothing"}},{"kind":"Field","name":{"kind":"Name","value":"compulsoryEducation"}},{"kind":"Field","name":{"kind":"Name","value":"basicMedicalCare"}},{"kind":"Field","name":{"kind":"Name","value":"safeHousing"}},{"kind":"Field","name":{"kind":"Name","value":"allMet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"safetyGrade"}},{"kind":"Field","name":{"kind":"Name","value":"safeDrinkingWater"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}},{"kind":"Field","name":{"kind":"Name","value":"isHead"}},{"kind":"Field","name":{"kind":"Name","value":"insurance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"medical"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"householdNo"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OneHouseholdQuery, OneHouseholdQueryVariables>;
export const NodeLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Household"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"householdNo"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Village"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<NodeLookupQuery, NodeLookupQueryVariables>;
export const RecordIncomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordIncome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordHouseholdIncomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordHouseholdIncome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordHouseholdIncomePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"income"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"wages"}},{"kind":"Field","name":{"kind":"Name","value":"business"}},{"kind":"Field","name":{"kind":"Name","value":"transfers"}},{"kind":"Field","name":{"kind":"Name","value":"property"}},{"kind":"Field","name":{"kind":"Name","value":"productionCosts"}},{"kind":"Field","name":{"kind":"Name","value":"netIncome"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"perCapitaNetIncome"}},{"kind":"Field","name":{"kind":"Name","value":"povertyLine"}},{"kind":"Field","name":{"kind":"Name","value":"belowPovertyLine"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageZh"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordIncomeMutation, RecordIncomeMutationVariables>;
export const IncomeOfYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncomeOfYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"income"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"netIncome"}},{"kind":"Field","name":{"kind":"Name","value":"perCapitaNetIncome"}},{"kind":"Field","name":{"kind":"Name","value":"belowPovertyLine"}}]}}]}}]}}]} as unknown as DocumentNode<IncomeOfYearQuery, IncomeOfYearQueryVariables>;
export const AddMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AddMemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}}]}}]}}]} as unknown as DocumentNode<AddMemberMutation, AddMemberMutationVariables>;
export const UpdateMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicity"}},{"kind":"Field","name":{"kind":"Name","value":"employmentMonths"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const ChangeHeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeHead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeHouseholdHeadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeHouseholdHead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeHouseholdHeadPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}}]}}]}}]} as unknown as DocumentNode<ChangeHeadMutation, ChangeHeadMutationVariables>;
export const PageWithMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PageWithMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"householdNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PageWithMembersQuery, PageWithMembersQueryVariables>;
export const DashboardPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"VILLAGE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"poorHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"poorPeople"}},{"kind":"Field","name":{"kind":"Name","value":"povertyIncidence"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardPageQuery, DashboardPageQueryVariables>;
export const UpdateHouseholdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateHouseholdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateHouseholdPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"householdNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"exitYear"}},{"kind":"Field","name":{"kind":"Name","value":"otherCauses"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccount"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assurances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allMet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"safetyGrade"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messageEn"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateHouseholdMutation, UpdateHouseholdMutationVariables>;