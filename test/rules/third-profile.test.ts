/**
 * A third province is data, not engine code: this test defines a profile for an invented
 * “某省 部门预算” family (千元, its own titles and header wording), hands it to checkGrid next to
 * the built-in ones, and the unchanged engine recognises the tables and runs its rules on them.
 */
import { checkGrid } from '../../src/core/engine';
import { Grid, CellData } from '../../src/core/grid';
import { Profile } from '../../src/core/recognise/profile';
import { BUILTIN_PROFILES } from '../../src/core/recognise/profiles';
import { generateNarrative, narrativeToText } from '../../src/core/narrative';
import { P } from '../../src/core/narrative/generate';
import { fig } from '../../src/core/narrative/figures';

const DEMO: Profile = {
  id: 'demo',
  name: '某省 部门预算（测试用第三种模板）',
  defaultUnit: '千元',
  // The province's own 说明 wording: a folder's template, no engine change.
  narrative: {
    title: (unit) => `${unit ?? '本机关'}年度预算情况简介`,
    sections(d) {
      const t = d.tables.find((x) => x.kind === 'gp_func');
      const total = t?.rows.find((r) => r.isTotal)?.amounts.total;
      if (!total) return [];
      const p = new P().t('本机关本年一般公共预算支出安排 ').wan(fig(total)!).t(' 万元。');
      return [{ id: 'demo.1', title: '一、支出安排', level: 1, paragraphs: [p.done()] }];
    },
  },
  tables: [
    {
      id: 'd1',
      kind: 'gp_func',
      name: '一般公共预算支出功能分类明细',
      title: /^一般公共预算支出功能分类明细$/,
      layout: 'coded',
      scheme: 'func',
      columns: [
        { key: 'code', match: /科目代码/, type: 'code' },
        { key: 'name', match: /科目名称/, type: 'name' },
        { key: 'total', match: /总计/ },
        { key: 'personnel', match: /人员类/ },
        { key: 'public', match: /运转类/ },
        { key: 'special', match: /特定目标类/ },
      ],
      sums: [{ total: 'total', parts: ['personnel', 'public', 'special'] }],
    },
  ],
};

const row = (...vals: (string | number | null)[]): (CellData | undefined)[] => vals.map((v) => (v === null ? undefined : { v }));

/** Seed 000's 表5 figures, expressed in 千元 (1,509.422 千元 = 1,509,422 元). */
function demoGrid(total208: number): Grid {
  return {
    source: 'demo.xlsx',
    sheets: [
      {
        name: '功能明细',
        merges: [],
        rows: [
          row('一般公共预算支出功能分类明细'),
          row('金额单位：千元'),
          row('科目代码', '科目名称', '总计', '人员类', '运转类', '特定目标类'),
          row('合计', null, 1509.422, 1325.022, 26.4, 158),
          row('208', '社会保障和就业支出', total208, 1192.295, 26.4, 158),
          row('20801', '人力资源和社会保障管理事务', 1183.995, 999.595, 26.4, 158),
          row('2080109', '社会保险经办机构', 1183.995, 999.595, 26.4, 158),
          row('20805', '行政事业单位养老支出', 191.101, 191.101, 0, 0),
          row('2080505', '机关事业单位基本养老保险缴费支出', 127.401, 127.401, 0, 0),
          row('2080506', '机关事业单位职业年金缴费支出', 63.7, 63.7, 0, 0),
          row('20899', '其他社会保障和就业支出', 1.599, 1.599, 0, 0),
          row('2089999', '其他社会保障和就业支出', 1.599, 1.599, 0, 0),
          row('210', '卫生健康支出', 27.177, 27.177, 0, 0),
          row('21011', '行政事业单位医疗', 27.177, 27.177, 0, 0),
          row('2101102', '事业单位医疗', 27.177, 27.177, 0, 0),
          row('221', '住房保障支出', 105.55, 105.55, 0, 0),
          row('22102', '住房改革支出', 105.55, 105.55, 0, 0),
          row('2210201', '住房公积金', 105.55, 105.55, 0, 0),
        ],
      },
    ],
  };
}

test('the built-in profiles alone do not recognise the third template', () => {
  const r = checkGrid(demoGrid(1376.695));
  expect(r.profile).toBeNull();
  expect(r.findings[0].rule).toBe('table.none');
});

test('with the profile added as data, the engine recognises the table, converts 千元 and checks it clean', () => {
  const r = checkGrid(demoGrid(1376.695), { profiles: [...BUILTIN_PROFILES, DEMO] });
  expect(r.profile?.id).toBe('demo');
  expect(r.tables.map((t) => [t.id, t.unit, t.rows])).toEqual([['d1', '千元', 15]]);
  const total = r.disclosure!.tables[0].rows.find((x) => x.isTotal)!;
  expect(total.amounts.total!.value.toFixed(2)).toBe('1509422.00'); // 元 inside the engine
  expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test('and the unchanged rules find a wrong 类 total in it, in 元', () => {
  const r = checkGrid(demoGrid(1367.695), { profiles: [...BUILTIN_PROFILES, DEMO] });
  const f = r.findings.find((x) => x.rule === 'sum.hierarchy' && x.cells[0] === '功能明细!C5');
  expect(f).toBeDefined();
  expect([f!.expected, f!.actual, f!.difference]).toEqual(['1376695.00', '1367695.00', '-9000.00']);
});

test('the province\'s own 说明 template is used for its workbooks, with every number from its cell', () => {
  const profiles = [...BUILTIN_PROFILES, DEMO];
  const r = checkGrid(demoGrid(1376.695), { profiles });
  const n = generateNarrative(r.disclosure!, null, { profiles });
  expect(n.title).toBe('本机关年度预算情况简介');
  expect(narrativeToText(n)).toContain('本机关本年一般公共预算支出安排 150.94 万元。');
  expect(n.sections[0].paragraphs[0].numbers[0].cells).toEqual(['功能明细!C4']);
  // without the folder's template, the national one would be used
  const national = generateNarrative(r.disclosure!, null, { profiles: BUILTIN_PROFILES });
  expect(national.title).not.toBe(n.title);
});
