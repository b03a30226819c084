import { promises as fs } from 'fs';
import * as path from 'path';
import { DATA_FILES, renderGenerated, trustOf } from '../../src/core/codes/build-data';
import {
  builtinCatalogue,
  codeLevel,
  deptEconClassByName,
  funcClassByName,
  govEconClassByName,
  normName,
  parentCode,
  SCHEMES,
} from '../../src/core/codes/catalogue';
import { parseCsvObjects } from '../../src/core/codes/csv';

const root = path.resolve(__dirname, '..', '..');

describe('data.generated.ts', () => {
  it('is in sync with data/*.csv (run `npx tsx src/core/codes/build-data.ts` after editing them)', async () => {
    const texts = Object.fromEntries(
      await Promise.all(DATA_FILES.map(async (f) => [f, await fs.readFile(path.join(root, 'data', f), 'utf8')])),
    );
    const generated = await fs.readFile(path.join(root, 'src/core/codes/data.generated.ts'), 'utf8');
    expect(renderGenerated(texts as Parameters<typeof renderGenerated>[0])).toBe(generated);
  });
});

describe('data files', () => {
  const read = async (f: string) => parseCsvObjects(await fs.readFile(path.join(root, 'data', f), 'utf8'));

  it('every row has a level matching its length, a parent that exists, and an evidence value', async () => {
    for (const [file, lengths] of [['func.csv', [3, 5, 7]], ['econ_dept.csv', [3, 5]], ['econ_gov.csv', [3, 5]]] as const) {
      const rows = await read(file);
      const codes = new Set(rows.map((r) => r.code));
      for (const r of rows) {
        expect([file, r.code, (lengths as readonly number[]).includes(r.code.length)]).toEqual([file, r.code, true]);
        expect([file, r.code, r.level]).toEqual([file, r.code, codeLevel(r.code)]);
        expect([file, r.code, r.parent]).toEqual([file, r.code, parentCode(r.code) ?? '']);
        if (r.parent) expect([file, r.code, codes.has(r.parent)]).toEqual([file, r.code, true]);
        expect([file, r.code, r.evidence.length > 0]).toEqual([file, r.code, true]);
      }
    }
  });

  it('every 对照表 row names existing codes, and each 部门经济款 maps for 机关 and for 事业单位 (30107 绩效工资 only for 事业单位)', async () => {
    const cat = builtinCatalogue();
    const map = await read('econ_map.csv');
    for (const m of map) {
      expect([m.dept_code, !!cat.get('dept_econ', m.dept_code)]).toEqual([m.dept_code, true]);
      expect([m.gov_code, !!cat.get('gov_econ', m.gov_code)]).toEqual([m.gov_code, true]);
    }
    const kuan = cat.entries!('dept_econ').filter((e) => e.level === '款');
    const missing = kuan.filter((e) => cat.govEconFor(e.code, '机关').length === 0).map((e) => e.code);
    expect(missing).toEqual(['30107']);
    expect(kuan.filter((e) => cat.govEconFor(e.code, '事业单位').length === 0)).toEqual([]);
  });

  it('every pair printed in the seeds agrees with the catalogue (except the known truncation and local label)', async () => {
    const cat = builtinCatalogue();
    const scheme = { 支出功能分类: 'func', 部门预算支出经济分类: 'dept_econ', 政府预算支出经济分类: 'gov_econ' } as const;
    const seen = await read('seed_observed_codes.csv');
    const off = seen.filter((r) => {
      const e = cat.get(scheme[r.scheme as keyof typeof scheme], r.code);
      return !e || normName(e.name) !== normName(r.name_as_printed);
    });
    expect(off.map((r) => r.code)).toEqual(['2080507', '50602']);
    for (const r of await read('seed_observed_econ_mapping.csv')) {
      expect([r.dept_econ_code, cat.govEconFor(r.dept_econ_code, '事业单位')]).toEqual([r.dept_econ_code, [r.gov_econ_code]]);
    }
  });
});

describe('built-in catalogue', () => {
  const cat = builtinCatalogue();
  it('is partial for 功能 and 政府经济, complete for 部门经济 (every 款 of the 2018+ edition)', () => {
    expect(cat.complete).toEqual({ func: false, dept_econ: true, gov_econ: false });
    expect(cat.label).toBe('内置科目表（部分）');
    for (const s of SCHEMES) expect(cat.entries!(s).length).toBeGreaterThan(50);
  });

  it('keeps evidence: 2080109 observed, 2080901 official, 2010103 unverified; 对照表 ISH rows official', () => {
    expect(cat.get('func', '2080109')).toMatchObject({ name: '社会保险经办机构', level: '项', parent: '20801', trust: 'observed', official: false });
    expect(cat.get('func', '2080901')).toMatchObject({ name: '退役士兵安置', trust: 'official', official: true });
    expect(cat.get('func', '2010103')?.trust).toBe('unverified');
    expect(cat.mappingsFor!('30201').find((m) => m.unitType === '机关')).toMatchObject({ gov: '50201', trust: 'official' });
    expect(trustOf('GHJ(name-order);GHE')).toBe('unverified');
    expect(trustOf('SEED(code only; printed as x)')).toBe('observed');
    expect(trustOf('rule(SEED)')).toBe('unverified');
  });

  it('maps 部门经济 to 政府经济 by unit type', () => {
    expect(cat.govEconFor('30201', '机关')).toEqual(['50201']);
    expect(cat.govEconFor('30201', '事业单位')).toEqual(['50502']);
    expect(cat.govEconFor('30201', 'any').sort()).toEqual(['50201', '50502']);
    expect(cat.govEconFor('30907', '事业单位')).toEqual(['50602']);
    expect(cat.govEconFor('30399', '机关')).toEqual(['50999']);
    expect(cat.govEconFor('99999', 'any')).toEqual([]);
  });
});

describe('helpers', () => {
  it('codeLevel and parentCode', () => {
    expect(['208', '20805', '2080505', '2080', '20805a'].map(codeLevel)).toEqual(['类', '款', '项', undefined, undefined]);
    expect(['2080505', '20805', '208'].map(parentCode)).toEqual(['20805', '208', undefined]);
  });

  it('funcClassByName reads 收支总表 lines of seed 000 and older names', () => {
    expect(funcClassByName('　8、社会保障和就业支出')).toBe('208');
    expect(funcClassByName('9、社会保险基金支出')).toBe('209');
    expect(funcClassByName('文化旅游体育与传媒支出')).toBe('207');
    expect(funcClassByName('文化体育与传媒支出')).toBe('207');
    expect(funcClassByName('卫生健康支出')).toBe('210');
    expect(funcClassByName('医疗卫生与计划生育支出')).toBe('210');
    expect(funcClassByName('19、自然资源海洋气象等支出')).toBe('220');
    expect(funcClassByName('国土海洋气象等支出')).toBe('220');
    expect(funcClassByName('一、一般公共服务支出')).toBe('201');
    expect(funcClassByName('本年支出合计')).toBeUndefined();
  });

  it('deptEconClassByName and govEconClassByName read seed 000 summary lines', () => {
    expect(deptEconClassByName('(1)工资福利支出')).toBe('301');
    expect(deptEconClassByName('(2)商品和服务支出')).toBe('302');
    expect(deptEconClassByName('(3)对个人和家庭补助')).toBe('303');
    expect(deptEconClassByName('对个人和家庭的补助')).toBe('303');
    expect(deptEconClassByName('(4)债务利息及费用支出')).toBe('307');
    expect(deptEconClassByName('(5)资本性支出(基本建设)')).toBe('309');
    expect(deptEconClassByName('(6)资本性支出')).toBe('310');
    expect(deptEconClassByName('(7)对企业补助(基本建设)')).toBe('311');
    expect(deptEconClassByName('(9)对社会保障基金补助')).toBe('313');
    expect(deptEconClassByName('1、人员经费和公用经费支出')).toBeUndefined();
    expect(govEconClassByName('5、对事业单位经常性补助')).toBe('505');
    expect(govEconClassByName('3、机关资本性支出（一）')).toBe('503');
    expect(govEconClassByName('14、预备费及预留')).toBe('514');
  });
});
