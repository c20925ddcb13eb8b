/**
 * Seeders: the demo registry (保靖县, 大老爷庙村 and 示范镇, after the reports) and a large
 * synthetic province for benchmarks. Both write synthetic people only.
 */
export { DEMO_SEED, seedDemo, type DemoSummary, type SeedOptions } from './demo/index.js';
export { SCALE_PROVINCE_CODE, SCALE_PROVINCE_NAME, seedScale, type ScaleOptions, type ScaleSummary } from './scale/index.js';
export { PROJECT_DEMO_SEED, seedProjectDemo, type ProjectDemoSummary } from './projects/index.js';
export { WORK_TEAM_DEMO_SEED, seedWorkTeamDemo, type WorkTeamDemoSummary } from './work-teams/index.js';
export { seedLifecycleDemo, type LifecycleDemoSummary } from './lifecycle/index.js';
