import { graphql } from '../../schema/generated/index.js';

/** The work-team operations the tests share (typed by graphql-codegen). */


export const CreateDispatchUnit = graphql(`
  mutation WtCreateUnit($input: CreateDispatchUnitInput!) {
    createDispatchUnit(input: $input) { __typename ... on CreateDispatchUnitPayload { unit { id name level } } ... on Error { code field messageZh messageEn } }
  }
`);

export const RegisterCadre = graphql(`
  mutation WtRegisterCadre($input: RegisterCadreInput!) {
    registerCadre(input: $input) { __typename ... on RegisterCadrePayload { cadre { id name phone rank } } ... on Error { code field messageZh messageEn } }
  }
`);

export const DispatchWorkTeam = graphql(`
  mutation WtDispatch($input: DispatchWorkTeamInput!) {
    dispatchWorkTeam(input: $input) {
      __typename
      ... on DispatchWorkTeamPayload { team { id name villages { village { code } role } members { id role cadre { name } village { code } } } }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field messageZh messageEn } }
    }
  }
`);

export const RecordTeamDays = graphql(`
  mutation WtDays($input: RecordTeamDaysInput!) {
    recordTeamDays(input: $input) { __typename ... on RecordTeamDaysPayload { team { daysInVillage monthlyDays { year month days } } } ... on Error { code field messageZh messageEn } }
  }
`);

export const RecordLeave = graphql(`
  mutation WtLeave($input: RecordCadreLeaveInput!) {
    recordCadreLeave(input: $input) { __typename ... on RecordCadreLeavePayload { membership { leaves { startsOn endsOn approver } } } ... on Error { code field messageZh messageEn } }
  }
`);

export const AssessCadre = graphql(`
  mutation WtAssess($input: AssessCadreInput!) {
    assessCadre(input: $input) { __typename ... on AssessCadrePayload { membership { assessments { year grade } } } ... on Error { code field messageZh messageEn } }
  }
`);

export const RecallCadre = graphql(`
  mutation WtRecall($input: RecallCadreInput!) {
    recallCadre(input: $input) {
      __typename
      ... on RecallCadrePayload { membership { recalledOn recallReason } replacement { id role startsOn endsOn cadre { name } replaces { id } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const PairHelper = graphql(`
  mutation WtPair($input: PairHelperInput!) {
    pairHelper(input: $input) { __typename ... on PairHelperPayload { pairing { id startsOn cadre { name } household { householdNo } } } ... on Error { code field messageZh messageEn } }
  }
`);

export const RecordVisit = graphql(`
  mutation WtVisit($input: RecordHelperVisitInput!) {
    recordHelperVisit(input: $input) { __typename ... on RecordHelperVisitPayload { pairing { visits { visitedOn note } } } ... on Error { code field messageZh messageEn } }
  }
`);

export const WorkTeamStats = graphql(`
  query WtStats($code: String!, $asOf: Date) {
    region(code: $code) {
      stats {
        workTeams(asOf: $asOf) {
          asOf teams cadres firstSecretaries byUnitLevel { level teams cadres }
          povertyVillages coveredPovertyVillages villageCoverage households pairedHouseholds helperCoverage daysInVillage visits
        }
      }
    }
  }
`);

export const WorkTeams = graphql(`
  query WtTeams($code: String!) {
    workTeams(regionCode: $code, first: 20) {
      totalCount
      edges { node { id name isActive unit { name level } members { role cadre { name phone } } } }
    }
  }
`);

