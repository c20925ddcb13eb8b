import { enumOf, registerEnum, type TuopinBuilder } from '@tuopin/core';

/**
 * The relocation programme's closed vocabularies (易地扶贫搬迁), each value with its bilingual
 * description; the GraphQL enums and the database checks use the keys.
 */

/** 安置点类型: where a centralised site stands. */
export const SITE_KINDS = {
  TOWN: '城镇（县城、集镇）安置 Town: county seat or township seat',
  INDUSTRIAL_PARK: '产业园区安置 Industrial park',
  TOURISM_AREA: '乡村旅游区安置 Rural tourism area',
  NEW_VILLAGE: '中心村（新村）安置 New or central village',
} as const;
export type SiteKind = keyof typeof SITE_KINDS;
export const SiteKindEnum = enumOf(SITE_KINDS);

/** 城乡属性 */
export const SITE_SETTINGS = {
  URBAN: '城镇 Urban',
  RURAL: '农村 Rural',
} as const;
export const SiteSettingEnum = enumOf(SITE_SETTINGS);

/** 建设方式: who builds the flats. */
export const BUILD_MODES = {
  UNIFIED_BUILD: '统规统建 Planned and built by the government',
  SELF_BUILD: '统规自建 Planned by the government, built by the households',
} as const;
export const BuildModeEnum = enumOf(BUILD_MODES);

/** 配套设施 */
export const FACILITIES = {
  SCHOOL: '学校 School',
  CLINIC: '卫生室/卫生院 Clinic',
  ELDERLY_CARE: '养老设施 Elderly care',
  CULTURE: '文化活动场所 Culture and community centre',
} as const;
export const FacilityEnum = enumOf(FACILITIES);

/** 安置点状态, in life-cycle order. */
export const SITE_STATUSES = {
  PLANNED: '规划 Planned',
  UNDER_CONSTRUCTION: '在建 Under construction',
  COMPLETED: '竣工 Completed',
  ACCEPTED: '验收 Accepted',
  OCCUPIED: '已入住 Occupied',
} as const;
export type SiteStatus = keyof typeof SITE_STATUSES;
export const SiteStatusEnum = enumOf(SITE_STATUSES);

/** 搬迁原因: why the place cannot support its people (一方水土养不起一方人). */
export const ORIGIN_REASONS = {
  ROCKY_MOUNTAINS: '深山石山地区 Deep or rocky mountains',
  REMOTE_COLD: '边远高寒地区 Remote, high and cold',
  DESERTIFICATION: '荒漠化、水土流失严重 Desertification or severe soil erosion',
  RESTRICTED_ZONE: '限制或禁止开发区 Restricted or prohibited development zone',
  WEAK_INFRASTRUCTURE: '基础设施和公共服务严重滞后 Very weak infrastructure and public services',
  ENDEMIC_DISEASE: '地方病高发 Endemic disease',
  GEOLOGICAL_DISASTER: '地质灾害频发 Frequent geological disasters',
} as const;
export type OriginReason = keyof typeof ORIGIN_REASONS;
export const OriginReasonEnum = enumOf(ORIGIN_REASONS);

/** 安置方式 */
export const RELOCATION_MODES = {
  CENTRALISED: '集中安置（须有安置点） Centralised at a resettlement site',
  SCATTERED: '分散安置（无安置点） Scattered: no site',
} as const;
export type RelocationMode = keyof typeof RELOCATION_MODES;
export const RelocationModeEnum = enumOf(RELOCATION_MODES);

/** 分散安置方式 */
export const SCATTERED_KINDS = {
  INFILL: '插花安置 Infill among existing villagers',
  WITH_RELATIVES: '投亲靠友 With relatives or friends',
  TOWN_PURCHASE: '进城购房 Buying a home in town',
} as const;
export const ScatteredKindEnum = enumOf(SCATTERED_KINDS);

/** 搬迁户类别 */
export const RELOCATION_CATEGORIES = {
  REGISTERED: '建档立卡贫困户 Registered poor household',
  CONCURRENT: '同步搬迁户（非建档立卡） Moved at the same time, not registered',
} as const;
export const RelocationCategoryEnum = enumOf(RELOCATION_CATEGORIES);

/** 旧房保留理由: the only three a county may approve. */
export const RETENTION_REASONS = {
  TRADITIONAL_VILLAGE: '传统村落保护 A house in a protected traditional village',
  ETHNIC_VILLAGE: '少数民族特色村寨 A house in an ethnic-featured village',
  JOINED_TO_NEIGHBOUR: '与他人房屋相连 A house joined to a neighbour\'s',
} as const;
export const RetentionReasonEnum = enumOf(RETENTION_REASONS);

/** 复垦类型 */
export const RECLAMATION_KINDS = {
  ARABLE: '复垦为耕地 Reclaimed as arable land',
  ECOLOGICAL: '复绿（生态用地） Re-greened as ecological land',
} as const;
export const ReclamationKindEnum = enumOf(RECLAMATION_KINDS);

/** 后续扶持 */
export const SUPPORT_KINDS = {
  EMPLOYMENT: '就业（至少一人） Employment of at least one person',
  INDUSTRY: '产业扶持 Industry support',
  SCHOOLING: '子女就学 Schooling',
  SOCIAL_SECURITY: '社保接续 Social-security transfer',
  COMMUNITY: '社区融入 Community integration',
} as const;
export const SupportKindEnum = enumOf(SUPPORT_KINDS);

/** The vocabularies as GraphQL enums, on one builder. */
export function registerRelocationEnums(builder: TuopinBuilder): void {
  registerEnum(builder, SiteKindEnum, 'RelocationSiteKind', '安置点类型 Kind of resettlement site', SITE_KINDS);
  registerEnum(builder, SiteSettingEnum, 'RelocationSiteSetting', '城乡属性 Urban or rural setting', SITE_SETTINGS);
  registerEnum(builder, BuildModeEnum, 'RelocationBuildMode', '建设方式 How the flats are built', BUILD_MODES);
  registerEnum(builder, FacilityEnum, 'RelocationFacility', '配套设施 Facility of a site', FACILITIES);
  registerEnum(builder, SiteStatusEnum, 'RelocationSiteStatus', '安置点状态 Status of a site', SITE_STATUSES);
  registerEnum(builder, OriginReasonEnum, 'RelocationOriginReason', '搬迁原因 Why the household moves', ORIGIN_REASONS);
  registerEnum(builder, RelocationModeEnum, 'RelocationMode', '安置方式 Centralised or scattered', RELOCATION_MODES);
  registerEnum(builder, ScatteredKindEnum, 'RelocationScatteredKind', '分散安置方式 How a scattered household is housed', SCATTERED_KINDS);
  registerEnum(builder, RelocationCategoryEnum, 'RelocationCategory', '搬迁户类别 Registered or moved at the same time', RELOCATION_CATEGORIES);
  registerEnum(builder, RetentionReasonEnum, 'RelocationRetentionReason', '旧房保留理由 Why an old house may be kept', RETENTION_REASONS);
  registerEnum(builder, ReclamationKindEnum, 'RelocationReclamationKind', '复垦类型 Arable or ecological', RECLAMATION_KINDS);
  registerEnum(builder, SupportKindEnum, 'RelocationSupportKind', '后续扶持类型 Kind of follow-up support', SUPPORT_KINDS);
}
