import { defineMutation, type TuopinBuilder, type TuopinTypes } from '@tuopin/core';
import { LoanSchema } from '../loan/loan.entity.js';
import { financeRefs } from '../shared/finance-refs.js';
import { RiskClaimSchema, RiskPoolSchema } from './risk-pool.entity.js';
import { fileRiskClaim } from './risk-claim.service.js';
import { fundRiskPool, setRiskPool } from './risk-pool.service.js';

export function registerRiskPoolMutations(builder: TuopinBuilder): void {
  const { RiskPool, RiskClaim, Loan } = financeRefs(builder);
  const poolPayload = (description: string) => ({
    description,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { poolId: number }>) => ({
      pool: t.field({
        type: RiskPool,
        description: '风险补偿金 The pool',
        resolve: (p, _args, ctx) => ctx.em.findOneOrFail(RiskPoolSchema, { id: p.poolId }, { refresh: true }),
      }),
    }),
  });

  defineMutation(builder, 'setRiskPool', {
    description: '设立县风险补偿金或调整其放大倍数 Create a county\'s risk pool, or change its leverage multiple',
    input: {
      description: '设立或调整风险补偿金 A county\'s pool to create, or its multiple to change',
      argumentDescription: '风险补偿金 The pool',
      fields: (t) => ({
        countyCode: t.string({ required: true, description: '县12位代码 12-digit county code' }),
        leverageMultiple: t.float({ required: true, description: '放大倍数（1–50，最多两位小数） Leverage multiple, 1 to 50, at most two decimals' }),
      }),
    },
    resolve: async (input, ctx) => ({ poolId: await setRiskPool(ctx, input) }),
    payload: poolPayload('风险补偿金已设立或调整 The pool as it is now'),
  });

  defineMutation(builder, 'fundRiskPool', {
    description: '向县风险补偿金注入资金 Put money into a county\'s risk pool',
    input: {
      description: '注入风险补偿金 Money to put into a county\'s pool',
      argumentDescription: '注入 The money',
      fields: (t) => ({
        countyCode: t.string({ required: true, description: '县12位代码 12-digit county code' }),
        amount: t.field({ type: 'Money', required: true, description: '金额 Amount' }),
        fundedOn: t.field({ type: 'Date', description: '注入日期（默认今天） Date; today if omitted' }),
        documentNo: t.string({ description: '文号 Document number' }),
      }),
    },
    resolve: async (input, ctx) => ({ poolId: await fundRiskPool(ctx, input) }),
    payload: poolPayload('已注入 The pool, with the money put in'),
  });

  defineMutation(builder, 'fileRiskClaim', {
    description:
      '风险代偿：以县风险补偿金补偿不良贷款的损失（不超过未还本金，补偿金不减为负） Compensate a lender for a defaulted loan from the county\'s pool: never more than the unpaid principal, never below zero',
    input: {
      description: '风险代偿 A claim on the county\'s pool for a defaulted loan',
      argumentDescription: '代偿 The claim',
      fields: (t) => ({
        loanId: t.id({ required: true, description: '贷款全局 ID Loan global ID' }),
        amount: t.field({ type: 'Money', required: true, description: '代偿金额（不超过未还本金和补偿金余额） Amount; at most the unpaid principal and the pool\'s balance' }),
        claimedOn: t.field({ type: 'Date', description: '代偿日期（默认今天） Date; today if omitted' }),
        reason: t.string({ required: true, description: '原因 Reason' }),
      }),
    },
    ids: { loanId: 'Loan' },
    resolve: async (input, ctx) => ({ claimId: await fileRiskClaim(ctx, input) }),
    payload: {
      description: '已代偿 The claim paid',
      fields: (t) => ({
        claim: t.field({
          type: RiskClaim,
          description: '代偿记录 The claim',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(RiskClaimSchema, { id: p.claimId }),
        }),
        pool: t.field({
          type: RiskPool,
          description: '风险补偿金（代偿后） The pool, after the claim',
          resolve: async (p, _args, ctx) => {
            const claim = await ctx.em.findOneOrFail(RiskClaimSchema, { id: p.claimId });
            return ctx.em.findOneOrFail(RiskPoolSchema, { id: claim.poolId });
          },
        }),
        loan: t.field({
          type: Loan,
          description: '贷款 The loan',
          resolve: async (p, _args, ctx) => {
            const claim = await ctx.em.findOneOrFail(RiskClaimSchema, { id: p.claimId });
            return ctx.em.findOneOrFail(LoanSchema, { id: claim.loanId });
          },
        }),
      }),
    },
  });
}
