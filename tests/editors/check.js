// check.js - the counting assertion of the editor tests: each check that
// holds is counted; the first that fails prints FAIL and ends the test.
'use strict';

let passed = 0;

function check(condition, what) {
  if (!condition) {
    console.log('FAIL: ' + what);
    console.log(passed + ' passed, 1 failed');
    process.exit(1);
  }
  passed++;
}

// The closing line of a test that passed.
function done() {
  console.log(passed + ' passed, 0 failed');
}

module.exports = { check, done };
