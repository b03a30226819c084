/**
 * The boot script of taskpane.html must parse where the bundle cannot: Internet Explorer 11
 * (Trident, ES5), which Office on Windows uses without Microsoft Edge WebView2. It is parsed here
 * as ES5 (acorn, webpack's own parser); the page's inline scripts too.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as acorn from 'acorn';

const ROOT = path.resolve(__dirname, '../..');

describe('ES5 boot', () => {
  test('taskpane/boot.js and the inline script of message.html parse as ES5 and carry the Chinese messages', () => {
    const boot = readFileSync(path.join(ROOT, 'taskpane/boot.js'), 'utf8');
    expect(() => acorn.parse(boot, { ecmaVersion: 5 })).not.toThrow();
    expect(boot).toContain('需要 Microsoft Edge WebView2');
    expect(boot).toContain('更新到最新版本');
    const msg = readFileSync(path.join(ROOT, 'taskpane/message.html'), 'utf8');
    const inline = /<script>([\s\S]*?)<\/script>/.exec(msg)![1];
    expect(() => acorn.parse(inline, { ecmaVersion: 5 })).not.toThrow();
    // and the modern bundle would not: what boot.js tests for is really beyond ES5
    expect(() => acorn.parse('const f = async () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  test('taskpane.html loads boot.js before office.js and the bundles', () => {
    const html = readFileSync(path.join(ROOT, 'taskpane/taskpane.html'), 'utf8');
    const boot = html.indexOf('src="boot.js"');
    const office = html.indexOf('office.js');
    expect(boot).toBeGreaterThan(0);
    expect(boot).toBeLessThan(office);
  });
});
