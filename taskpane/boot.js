/*
 * Runs first, in ES5 only (it must parse in Internet Explorer 11 / Trident, which Office on
 * Windows uses when Microsoft Edge WebView2 is missing). If this browser cannot run the pane's
 * modern bundle, or the pane has not started after a while, it replaces 正在加载… with a
 * Chinese message saying what to do. test/excel/boot.test.ts parses this file as ES5.
 */
(function () {
  var started = false;
  function show(title, detail) {
    var root = document.getElementById('root');
    if (!root) return;
    root.innerHTML = '';
    var box = document.createElement('div');
    box.id = 'boot-message';
    box.setAttribute('role', 'alert');
    var h = document.createElement('h2');
    h.appendChild(document.createTextNode(title));
    var p = document.createElement('p');
    p.appendChild(document.createTextNode(detail));
    box.appendChild(h);
    box.appendChild(p);
    root.appendChild(box);
  }
  function modernEnough() {
    if (window.__forceOldBrowser) return false;
    try {
      // What the bundle needs: ES2017+ syntax (async functions, classes, arrow functions), Promise, fetch, Map.
      new Function('class A { constructor() { this.x = 1; } } const f = async () => { let y = [1, ...[2]]; return y?.length ?? 0; }; return f;');
      return typeof Promise !== 'undefined' && typeof window.fetch === 'function' && typeof Map !== 'undefined' && typeof Symbol !== 'undefined';
    } catch (e) {
      return false;
    }
  }
  var OLD_TITLE = '需要 Microsoft Edge WebView2';
  var OLD_DETAIL =
    '此 Excel 使用旧的 Internet Explorer 网页组件显示加载项，无法运行预算公开校验助手。' +
    '请安装 Microsoft Edge WebView2 运行时（可从微软官网免费下载），或将 Office 更新到最新版本（Microsoft 365 或 Office 2021 及以上），然后重新打开 Excel。';
  window.__budgetCheckCannotRun = !modernEnough();
  window.__budgetCheckFail = function (title, detail) {
    started = true;
    show(title, detail);
  };
  window.__budgetCheckStarted = function () {
    started = true;
  };
  if (window.__budgetCheckCannotRun) {
    started = true;
    // The ribbon buttons too: in this browser the commands bundle cannot run either, so each
    // button shows the same message in a small dialog (DialogApi 1.1) instead of doing nothing.
    var explain = function (event) {
      try {
        var url = location.href.replace(/[^\/]*([?#].*)?$/, '') + 'message.html?m=' + encodeURIComponent(OLD_TITLE + '：' + OLD_DETAIL);
        window.Office.context.ui.displayDialogAsync(url, { height: 40, width: 40, displayInIframe: true }, function () {});
      } catch (e) {
        /* no dialog either: nothing more can be shown */
      }
      if (event && event.completed) event.completed();
    };
    window.checkWorkbook = explain;
    window.clearMarks = explain;
    window.addEventListener('load', function () {
      if (window.Office && window.Office.onReady) {
        window.Office.onReady(function () {
          if (window.Office.actions) {
            window.Office.actions.associate('checkWorkbook', explain);
            window.Office.actions.associate('clearMarks', explain);
          }
        });
      }
    });
    // Show the message as soon as the page body exists.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { show(OLD_TITLE, OLD_DETAIL); });
    else show(OLD_TITLE, OLD_DETAIL);
    return;
  }
  window.setTimeout(function () {
    if (started) return;
    show(
      '加载未完成',
      typeof window.Office === 'undefined'
        ? '未能加载 Office 组件（office.js）。请检查网络能否访问 appsforoffice.microsoft.com，然后关闭并重新打开任务窗格。'
        : '任务窗格在 30 秒内未能启动。请关闭并重新打开任务窗格；如仍如此，请将 Office 更新到最新版本。'
    );
  }, 30000);
})();
