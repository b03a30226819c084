// Worker threads do not inherit the main thread's tsx registration: register it, then run the worker.
require('tsx/cjs');
require('./worker.ts');
