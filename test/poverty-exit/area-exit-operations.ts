import type { Principal } from '@tuopin/core';
import { graphql } from '../../schema/generated/index.js';
import { AREAS } from '../fixtures/areas.js';

export const ProposeVillageExit = graphql(`
  mutation ProposeVillageExit($input: ProposeVillageExitInput!) {
    proposeVillageExit(input: $input) {
      __typename
      ... on ProposeVillageExitPayload { villageExit { id step version state exitYear poorPeople ruralPopulation incidencePercent thresholdPercent checklist { item evidence } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const TakeVillageExitStep = graphql(`
  mutation TakeVillageExitStep($input: TakeVillageExitStepInput!) {
    takeVillageExitStep(input: $input) {
      __typename
      ... on TakeVillageExitStepPayload { villageExit { id step version state history { step takenRole } village { code exitYear } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const ProposeCountyExit = graphql(`
  mutation ProposeCountyExit($input: ProposeCountyExitInput!) {
    proposeCountyExit(input: $input) {
      __typename
      ... on ProposeCountyExitPayload { countyExit { id step version state exitYear poorPeople ruralPopulation incidencePercent thresholdPercent wrongExitRate missedRate approvalRate } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const TakeCountyExitStep = graphql(`
  mutation TakeCountyExitStep($input: TakeCountyExitStepInput!) {
    takeCountyExitStep(input: $input) {
      __typename
      ... on TakeCountyExitStepPayload { countyExit { id step version state approvedOn history { step takenRole } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const SignReductionTarget = graphql(`
  mutation SignReductionTarget($input: SignReductionTargetInput!) {
    signReductionTarget(input: $input) {
      __typename
      ... on SignReductionTargetPayload { reductionTarget { id year targetPeople signedOn township { code name } county { code } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const ExitStats = graphql(`
  query ExitStats($code: String!, $year: Int!) {
    region(code: $code) {
      stats {
        exits(year: $year) {
          year households people targetPeople reachedShare returnedHouseholds returnedNow villagesExited countiesExited
          byTownship { code name targetPeople exitedPeople reachedShare }
        }
      }
    }
  }
`);

/** The five checklist items, each met with its evidence. */
export const fullChecklist = () =>
  (['ROADS', 'WATER', 'ELECTRICITY', 'SERVICES', 'COLLECTIVE_INCOME'] as const).map((item) => ({ item, met: true, evidence: `${item} 验收报告` }));

/** 湘西州's officer (prefecture steps) and 湖南's administrator (province steps). */
export const PREFECTURE: Principal = { id: 'test:xiangxi-officer', role: 'PREFECTURE_OFFICER', areaScopes: ['4331'], provinceCode: AREAS.hunan };
