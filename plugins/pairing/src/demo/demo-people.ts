/**
 * The people of the demo's exchanges, as the 保靖县 report counts them (篇6): 17 medical staff
 * trained free at 岳阳's hospitals in 11 subjects, 7 vice-principals on temporary posts at four 岳阳
 * schools, 17 teachers exchanged at two. The people are synthetic; the report names three of the
 * eleven subjects (内科, 儿科, 妇产科), the other eight are the demo's.
 */
export interface DemoExchange {
  category: 'MEDICAL' | 'VICE_PRINCIPAL' | 'TEACHER';
  personName: string;
  hostInstitution: string;
  startDate: string;
  endDate: string;
  subjects: string[];
}

const SURNAMES = ['彭', '田', '向', '龙', '石', '张', '王', '李', '杨', '符', '胡', '梁'];
const GIVEN = ['秀兰', '建国', '海燕', '志强', '春花', '小兵', '玉梅', '光明', '红霞', '德胜', '晓东', '丽娟', '永福', '桂英', '文军', '金凤', '家豪'];

/** A synthetic name, the same for the same index every run. */
const nameOf = (i: number) => `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`;

const HOSPITALS = ['岳阳市一人民医院', '岳阳市二人民医院', '岳阳市妇幼保健院'];
const MEDICAL_SUBJECTS = ['内科', '儿科', '妇产科', '外科', '急诊医学', '麻醉科', '医学检验', '医学影像', '护理', '中医科', '康复医学'];
const VICE_PRINCIPAL_SCHOOLS = ['岳阳市鹰山小学', '岳阳市第九中学', '岳阳市第十中学', '岳阳市洞氮小学'];
const TEACHER_SCHOOLS = ['岳阳市鹰山小学', '岳阳楼小学'];

export function demoExchanges(): DemoExchange[] {
  const medical = Array.from({ length: 17 }, (_, i): DemoExchange => {
    const start = i < 9 ? '2015-09-01' : '2016-03-01';
    return {
      category: 'MEDICAL',
      personName: nameOf(i),
      hostInstitution: HOSPITALS[i % HOSPITALS.length],
      startDate: start,
      endDate: start.startsWith('2015') ? '2016-02-29' : '2016-08-31',
      // Each of the 11 subjects at least once.
      subjects: [MEDICAL_SUBJECTS[i % MEDICAL_SUBJECTS.length]],
    };
  });
  const vicePrincipals = Array.from({ length: 7 }, (_, i): DemoExchange => ({
    category: 'VICE_PRINCIPAL',
    personName: nameOf(17 + i),
    hostInstitution: VICE_PRINCIPAL_SCHOOLS[i % VICE_PRINCIPAL_SCHOOLS.length],
    startDate: '2016-03-01',
    endDate: '2016-06-30',
    subjects: ['学校管理'],
  }));
  const teachers = Array.from({ length: 17 }, (_, i): DemoExchange => ({
    category: 'TEACHER',
    personName: nameOf(24 + i),
    hostInstitution: TEACHER_SCHOOLS[i % TEACHER_SCHOOLS.length],
    startDate: '2016-04-05',
    endDate: '2016-04-29',
    subjects: [['语文', '数学', '英语'][i % 3]],
  }));
  return [...medical, ...vicePrincipals, ...teachers];
}
