/**
 * The main flow under every host of the support matrix (test/excel/hosts.ts; `npm run test:hosts`
 * prints the same lines): nothing calls an API above the host's requirement sets, and each step
 * does what docs/addin.md says it does on that host.
 */
import { HOST_PROFILES } from './hostProfiles';
import { runHost } from './hosts';

jest.setTimeout(120000);

describe('host profiles', () => {
  for (const profile of HOST_PROFILES) {
    test(profile.name, async () => {
      const run = await runHost(profile);
      expect(run.failures).toEqual([]);
      if (!run.installable) {
        expect(profile.sets.ExcelApi).toBe('1.1'); // only Excel 2016 MSI is left out
        return;
      }
      const api = Number(profile.sets.ExcelApi.split('.')[1]);
      expect(run.line).toContain('检查 ✓');
      expect(run.line).toContain('清除 ✓');
      expect(run.line).toContain(api >= 18 ? '定位 ✓ ' : '定位 ✓(单区域)');
      expect(run.line).toContain(api >= 18 ? '批注 ✓' : '批注 —(无)');
      expect(run.line).toContain(profile.sets.SharedRuntime ? '运行时 共享' : profile.ribbon ? '运行时 分开' : '运行时 仅面板');
    });
  }

  test('an adapter that does not check isSetSupported fails on Excel 2019: the fake enforces the profile', async () => {
    const run = await runHost(HOST_PROFILES.find((p) => p.name.startsWith('Excel 2019'))!, { claimAll: true });
    expect(run.failures.join('\n')).toMatch(/调用了超出此版本的 API：.*需要 ExcelApi 1\.(9|11|13|18)/);
  });
});
