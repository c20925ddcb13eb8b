import { enumOf } from '@tuopin/core';

/**
 * The education plugin's closed vocabularies, each value with its bilingual description (Chinese
 * first). The GraphQL enums and the database checks use the keys.
 */

/** 学段 School stages, from preschool to postgraduate. */
export const STAGES = {
  PRESCHOOL: '学前教育 Preschool',
  PRIMARY: '小学 Primary school',
  JUNIOR_SECONDARY: '初中 Junior secondary school',
  SENIOR_HIGH: '普通高中 Senior high school',
  SECONDARY_VOCATIONAL: '中职（普通中专、成人中专、职业高中、技工院校） Secondary vocational school',
  HIGHER_VOCATIONAL: '高职（普通大专、高职院校、技师学院、高职本科） Higher vocational college',
  UNDERGRADUATE: '本科 Undergraduate',
  POSTGRADUATE: '研究生 Postgraduate',
} as const;
export type Stage = keyof typeof STAGES;
export const StageEnum = enumOf(STAGES);
export const STAGE_KEYS = Object.keys(STAGES) as Stage[];

/** 学期 Terms of a school year; a calendar year's spring term and autumn term. */
export const TERMS = {
  SPRING: '春季学期 Spring term',
  AUTUMN: '秋季学期 Autumn term',
} as const;
export type Term = keyof typeof TERMS;
export const TermEnum = enumOf(TERMS);

/** 学校类型 Kinds of school, as a township's inventory lists them. */
export const SCHOOL_KINDS = {
  NINE_YEAR: '九年一贯制学校 Nine-year school (primary and junior secondary)',
  PRIMARY: '小学 Primary school',
  MIDDLE: '中学 Middle school',
  TEACHING_POINT: '教学点 Teaching point',
  KINDERGARTEN: '幼儿园 Kindergarten',
  SECONDARY_VOCATIONAL: '中职学校 Secondary vocational school',
  HIGHER_VOCATIONAL: '高职院校 Higher vocational college',
} as const;
export type SchoolKind = keyof typeof SCHOOL_KINDS;
export const SchoolKindEnum = enumOf(SCHOOL_KINDS);

/** 学籍状态 The status of an enrolment in a term. */
export const ENROLMENT_STATUSES = {
  ENROLLED: '在读 Enrolled',
  SUSPENDED: '休学 Suspended',
  MILITARY_LEAVE: '应征入伍保留学籍 On military leave, place kept',
  DROPPED_OUT: '辍学 Dropped out',
  GRADUATED: '毕业 Graduated',
} as const;
export type EnrolmentStatus = keyof typeof ENROLMENT_STATUSES;
export const EnrolmentStatusEnum = enumOf(ENROLMENT_STATUSES);

/** 资助项目 The aid schemes a county records. */
export const AID_SCHEMES = {
  YULU_VOCATIONAL: '雨露计划职业教育补助 雨露计划 subsidy for vocational students',
  LIVING_ALLOWANCE: '义务教育寄宿生生活补助（两免一补） Living allowance for compulsory-school pupils',
  SENIOR_HIGH_GRANT: '普通高中国家助学金 Senior-high grant',
  FEE_WAIVER: '免学费 Fee waiver',
  PRESCHOOL_AID: '学前教育资助 Preschool aid',
  UNIVERSITY_ENTRANT_GRANT: '新入学大学生资助（圆梦） One-off grant to university entrants',
  STUDENT_LOAN: '生源地信用助学贷款 Student loan from the home county',
} as const;
export type AidScheme = keyof typeof AID_SCHEMES;
export const AidSchemeEnum = enumOf(AID_SCHEMES);
export const AID_SCHEME_KEYS = Object.keys(AID_SCHEMES) as AidScheme[];

/** 培训类别 Kinds of short-term training course. */
export const COURSE_KINDS = {
  LEADERS: '致富带头人 Leaders who get others out of poverty',
  LARGE_GROWERS: '产业大户 Large growers and breeders',
  VILLAGE_CADRES: '村书记、村干部 Village party secretaries and cadres',
  PRACTICAL_SKILLS: '实用技术 Practical farming skills',
  VOCATIONAL_SKILLS: '职业技能、转移就业 Vocational skills for jobs away from home',
  ENTREPRENEURSHIP: '创业 Entrepreneurship',
} as const;
export type CourseKind = keyof typeof COURSE_KINDS;
export const CourseKindEnum = enumOf(COURSE_KINDS);

/** 学员状态 Where a trainee stands. */
export const TRAINEE_STATUSES = {
  ENROLLED: '在训 Enrolled',
  COMPLETED: '结业 Completed',
  NOT_COMPLETED: '未结业 Did not complete',
} as const;
export type TraineeStatus = keyof typeof TRAINEE_STATUSES;
export const TraineeStatusEnum = enumOf(TRAINEE_STATUSES);

/** 控辍保学 Where a dropout case stands; the last two close it. */
export const DROPOUT_STATUSES = {
  SUSPECTED: '疑似辍学 Suspected dropout',
  CONFIRMED: '确认辍学 Confirmed dropout',
  RETURNED_TO_SCHOOL: '已劝返复学 Returned to school',
  HOME_TEACHING: '送教上门 Taught at home',
} as const;
export type DropoutStatus = keyof typeof DROPOUT_STATUSES;
/**
 * The statuses as GraphQL reads them: the stored ones, and CLOSED, which roles that see personal
 * data masked read for either way of closing — 送教上门 means a disability too severe for school.
 */
export const DROPOUT_STATUSES_READ = {
  ...DROPOUT_STATUSES,
  CLOSED: '已结案（结案方式仅对可查看个人信息的角色显示） Closed; how, only to roles that see personal data',
} as const;
export const DropoutStatusEnum = enumOf(DROPOUT_STATUSES_READ);
