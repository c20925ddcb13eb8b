import type { Principal } from '@tuopin/core';
import { mustSucceed, type TestServer } from '@tuopin/testing';
import { graphql } from './generated/index.js';
import type { CreatePairingInput } from './generated/graphql.js';
import { CODES, PRINCIPALS } from './world.js';

export const CreatePairing = graphql(`
  mutation PairingCreate($input: CreatePairingInput!) {
    createPairing(input: $input) {
      __typename
      ... on CreatePairingPayload { pairing { id kind helperName helpedName helpedAreaCode status } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const RecordAgreement = graphql(`
  mutation PairingRecordAgreement($input: RecordPairingAgreementInput!) {
    recordPairingAgreement(input: $input) {
      __typename
      ... on RecordPairingAgreementPayload { agreement { id year pledgedAmount actual { received } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const RecordExchange = graphql(`
  mutation PairingRecordExchange($input: RecordPairingExchangeInput!) {
    recordPairingExchange(input: $input) {
      __typename
      ... on RecordPairingExchangePayload { exchange { id category direction } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const ReceiveAid = graphql(`
  mutation PairingReceiveAid($input: ReceivePairingAidInput!) {
    receivePairingAid(input: $input) {
      __typename
      ... on ReceivePairingAidPayload { aid { id kind amount allocated unallocated fund { id sourceType areaCode earmarkAreaCode } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const AllocateAid = graphql(`
  mutation PairingAllocateAid($input: AllocatePairingAidInput!) {
    allocatePairingAid(input: $input) {
      __typename
      ... on AllocatePairingAidPayload { allocation { id amount } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const YUEYANG_BAOJING: CreatePairingInput = {
  kind: 'WITHIN_PROVINCE',
  helperKind: 'AREA',
  helperAreaCode: CODES.yueyang,
  helpedKind: 'AREA',
  helpedAreaCode: CODES.baojing,
  startYear: 2016,
};

export const JINAN_XIANGXI: CreatePairingInput = {
  kind: 'EAST_WEST',
  helperKind: 'AREA',
  helperAreaCode: CODES.jinan,
  helpedKind: 'AREA',
  helpedAreaCode: CODES.xiangxi,
  startYear: 2017,
  endYear: 2020,
};

/** Sets up a pairing as 湖南's administrator (or another caller); its global ID. */
export async function createPairing(server: TestServer, input: CreatePairingInput, principal: Principal = PRINCIPALS.hunanAdmin): Promise<string> {
  return mustSucceed(await server.execute(CreatePairing, { input }, { principal })).pairing.id;
}
