/** ExcelJS's browser build (no Node built-ins), loaded on demand by taskpane/priorWorkbook.ts. */
declare module 'exceljs/dist/exceljs.min.js' {
  import ExcelJS = require('exceljs');
  export = ExcelJS;
}
