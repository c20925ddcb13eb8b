import { statisticDescription, type TuopinBuilder } from '@tuopin/core';
import { LoanStatusEnum } from '../loan/loan-enums.js';
import { CreditGradeEnum } from '../rating/rating-grade.js';
import type { GradeCount, StatusFigures } from './finance-stats.loader.js';

/** The breakdowns of `FinanceStats`: households by grade and loans by status. */
export function registerFinanceStatsGroups(builder: TuopinBuilder) {
  const GradeCountRef = builder.objectRef<GradeCount>('CreditGradeCount').implement({
    description: '按信用等级的户数 Households with one current grade',
    scope: 'contained',
    fields: (t) => ({
      grade: t.field({ type: CreditGradeEnum, resolve: (g) => g.grade, description: '信用等级 Grade' }),
      households: t.int({
        nullable: true,
        statistic: 'count',
        description: statisticDescription('count', '户数', 'Households'),
        resolve: (g) => g.households,
      }),
    }),
  });
  const StatusFiguresRef = builder.objectRef<StatusFigures>('LoanStatusFigures').implement({
    description: '按状态的贷款 Loans in one status',
    scope: 'contained',
    fields: (t) => ({
      status: t.field({ type: LoanStatusEnum, resolve: (s) => s.status, description: '状态 Status' }),
      count: t.int({ nullable: true, statistic: 'count', resolve: (s) => s.count, description: statisticDescription('count', '笔数', 'Number of loans') }),
      // The group's money is withheld with its households, not its loans: one household may hold several.
      households: t.int({
        nullable: true,
        statistic: 'count',
        resolve: (s) => s.households,
        description: statisticDescription('count', '户数（有此状态贷款的户）', 'Households with a loan in this status'),
      }),
      principal: t.field({
        type: 'Money',
        nullable: true,
        statistic: { sum: 'households' },
        resolve: (s) => s.principal,
        description: statisticDescription('sum', '放款本金', 'Principal lent'),
      }),
      outstanding: t.field({
        type: 'Money',
        nullable: true,
        statistic: { sum: 'households' },
        resolve: (s) => s.outstanding,
        description: statisticDescription('sum', '贷款余额', 'Principal still owed'),
      }),
    }),
  });
  return { GradeCountRef, StatusFiguresRef };
}
