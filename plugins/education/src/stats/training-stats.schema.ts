import { loaderFields, ratioOfParts, statisticDescription, type TuopinBuilder } from '@tuopin/core';
import { CourseKindEnum } from '../shared/vocabulary.js';
import { statsKey } from './stats-source.js';
import { trainingStatsLoader, type KindFigures } from './training-stats.loader.js';

/** The training figures of `EducationStats`: "培训一人，就业一人，脱贫一户" counts completion and employment after. */
export function registerTrainingStats(builder: TuopinBuilder): void {
  const KindRef = builder.objectRef<KindFigures>('TrainingKindFigures').implement({
    description: '某类培训的学员、结业和就业 Trainees of one kind of course, completions and employment',
    scope: 'contained',
    fields: (t) => ({
      kind: t.field({ type: CourseKindEnum, resolve: (k) => k.kind, description: '类别 Kind' }),
      trainees: t.int({ nullable: true, statistic: 'count', resolve: (k) => k.trainees, description: statisticDescription('count', '学员人次', 'Trainees') }),
      completed: t.int({ nullable: true, statistic: 'count', resolve: (k) => k.completed, description: statisticDescription('count', '结业人次', 'Trainees who completed') }),
      employed: t.int({ nullable: true, statistic: 'count', resolve: (k) => k.employed, description: statisticDescription('count', '培训后就业人次', 'Trainees employed afterwards') }),
    }),
  });

  builder.objectFields('EducationStats', (t) => {
    const training = loaderFields(t, { loader: trainingStatsLoader, key: statsKey });
    return {
      trainees: training.count('培训学员人次（培训班开始于统计期内）', 'Trainees of courses that started in the period', (f) => f.trainees),
      completedTrainees: training.count('结业人次', 'Trainees who completed their course', (f) => f.completed),
      completionRate: training.ratio(['completedTrainees', 'trainees'], '结业率（0–1）= 结业人次 ÷ 学员人次', 'Completed ÷ trainees', (f) => ratioOfParts(f.completed, f.trainees)),
      employedTrainees: training.count('培训后就业人次', 'Trainees employed after their course', (f) => f.employed),
      employmentRate: training.ratio(['employedTrainees', 'completedTrainees'], '就业率（0–1）= 培训后就业人次 ÷ 结业人次', 'Employed after the course ÷ completed', (f) => ratioOfParts(f.employed, f.completed)),
      traineesByKind: training.field({
        type: [KindRef],
        statistic: { groups: 'trainees' },
        description: '按培训类别（合作机构看不到人次不公布的类别） Trainees by kind of course; partners do not see kinds whose count is withheld',
        value: (f) => f.byKind,
      }),
    };
  });
}
